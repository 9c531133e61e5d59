/** Time-bank account ids: one per volunteer and one issuing account per brigade. */
export const volunteerAccountId = (volunteerId: string) => `volunteer:${volunteerId}`;
export const brigadeAccountId = (brigadeId: string) => `brigade:${brigadeId}`;
