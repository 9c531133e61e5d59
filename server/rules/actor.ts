/**
 * Who did something, as stored in `createdBy`, `recordedBy` and an adjustment's `by`: the caller's volunteerId, or
 * `HQ_ACTOR` when headquarters acts without a volunteer profile. Never an openid.
 */
export const HQ_ACTOR = 'hq';

export const actorOf = (volunteer: { _id: string } | undefined): string => volunteer?._id ?? HQ_ACTOR;
