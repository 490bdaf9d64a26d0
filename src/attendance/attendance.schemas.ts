import { z } from 'zod';
import { uuid } from '../common/schemas';
import { ATTENDANCE_STATUSES } from './attendance.entity';

const status = z.enum(ATTENDANCE_STATUSES);

/** The JSON API: marks to set, and optionally everyone left without a mark as present. */
export const markAttendanceSchema = z.strictObject({
  marks: z
    .array(z.strictObject({ userId: uuid, status }))
    .max(1000)
    .default([]),
  /** Marks every trainee of the cohort who has no mark yet (and none in `marks`) as present. */
  othersPresent: z.boolean().default(false),
});
export type MarkAttendanceInput = z.infer<typeof markAttendanceSchema>;

/** The page form: a radio group per trainee (`status[<user id>]`), and the button pressed. */
export const attendanceFormSchema = z
  .strictObject({
    status: z.record(uuid, status).default({}),
    action: z.enum(['save', 'allPresent']).default('save'),
  })
  .transform((form): MarkAttendanceInput => ({
    marks: Object.entries(form.status).map(([userId, value]) => ({ userId, status: value })),
    othersPresent: form.action === 'allPresent',
  }));
