/** Maps a stored volunteer to the Profile of the contract. */
import type { Profile } from '../../typings/entities';
import type { VolunteerDoc } from '../repos/volunteers';

export function toProfile(doc: VolunteerDoc): Profile {
  return {
    volunteerId: doc._id,
    cardNo: doc.cardNo,
    name: doc.name,
    mobile: doc.mobileMasked,
    town: doc.town,
    ...(doc.community ? { community: doc.community } : {}),
    specialties: doc.specialties,
    intentions: doc.intentions,
    serviceAreas: doc.serviceAreas,
    availability: doc.availability,
    birthYear: doc.birthYear,
    ...(doc.lat !== undefined && doc.lng !== undefined ? { lat: doc.lat, lng: doc.lng } : {}),
    ...(doc.guardian ? { guardian: { name: doc.guardian.name, mobile: doc.guardian.mobileMasked } } : {}),
    privacyConsent: doc.privacyConsent,
    registeredAt: doc.registeredAt,
  };
}
