export interface SubscribeRequest {
  postId: string;
  templateId: string;
}

export interface RemindersApi {
  subscribe: { req: SubscribeRequest; res: { subscribed: true } };
}
