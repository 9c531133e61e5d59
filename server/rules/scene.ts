/** Scenes: a scene without `expiresAt` lasts as long as what it stands for; one with it ends at that moment. */
export const isLive = (scene: { expiresAt?: number }, now: number): boolean =>
  scene.expiresAt === undefined || now < scene.expiresAt;
