/** `GET /directory/people` and `GET /directory/groups`: people and groups found in the directory, a bounded page. */
import { z } from 'zod';
import { listSchema } from './item';

export const DirectoryPersonSchema = z.strictObject({
  userId: z.string().min(1),
  name: z.string().min(1),
  mail: z.string().min(1).optional(),
});
export type DirectoryPerson = z.infer<typeof DirectoryPersonSchema>;
export const DirectoryPeopleSchema = listSchema(DirectoryPersonSchema);
export type DirectoryPeople = z.infer<typeof DirectoryPeopleSchema>;

export const DirectoryGroupSchema = z.strictObject({
  groupId: z.string().min(1),
  name: z.string().min(1),
  mail: z.string().min(1).optional(),
});
export type DirectoryGroup = z.infer<typeof DirectoryGroupSchema>;
export const DirectoryGroupsSchema = listSchema(DirectoryGroupSchema);
export type DirectoryGroups = z.infer<typeof DirectoryGroupsSchema>;
