// Stored documents carry the contract's types: a town, category or specialty outside the fixed lists is a type
// error where the document is built (checked by `tsc -p test/tsconfig.json`), and the mappings need no casts.
import type { BrigadeDoc } from '../../server/repos/brigades';
import { toPost, type PostDoc } from '../../server/repos/posts';
import type { RecordDoc } from '../../server/repos/records';
import type { VolunteerDoc } from '../../server/repos/volunteers';

const doc: PostDoc = {
  _id: 'p1',
  brigadeId: 'b1',
  brigadeName: '东区博爱大队',
  town: '东区',
  title: '探访长者',
  description: '陪伴聊天',
  category: '探访慰问',
  address: '东区某社区',
  startAt: 1,
  endAt: 2,
  signupDeadline: 1,
  quota: 5,
  confirmedCount: 0,
  waitlistCount: 0,
  requiredSpecialties: ['理发'],
  adultsOnly: false,
  membersOnly: false,
  requiredQualifications: [],
  kind: 'service',
  status: 'published',
  createdAt: 0,
  createdBy: 'v1',
};

describe('stored documents and the contract', () => {
  it('a stored post is the contract Post under `_id`', () => {
    const { _id, createdBy, ...rest } = doc;
    expect(toPost(doc)).toEqual({ postId: _id, ...rest });
    expect(createdBy).toBe('v1');
  });

  it('refuses values outside the fixed lists (type errors)', () => {
    // @ts-expect-error not one of the 24 towns
    const town: PostDoc['town'] = 'Atlantis';
    // @ts-expect-error not a service category
    const category: RecordDoc['category'] = 'juggling';
    // @ts-expect-error not a specialty
    const specialties: VolunteerDoc['specialties'] = ['juggling'];
    // @ts-expect-error not one of the 24 towns
    const brigadeTown: BrigadeDoc['town'] = 'Atlantis';
    expect([town, category, specialties, brigadeTown]).toHaveLength(4);
  });
});
