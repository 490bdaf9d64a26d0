export const EXAM_DEADLINE_QUEUE = 'exam-deadlines';
export const EXAM_SWEEP_QUEUE = 'exam-deadline-sweep';

/** The timed job that submits an attempt at its deadline; its job id is the attempt's id. */
export interface ExamDeadlineJob {
  attemptId: string;
}
