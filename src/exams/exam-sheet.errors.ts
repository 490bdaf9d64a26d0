import { ConflictError } from '../common/errors';

/** Results are entered on a sheet only for an exam sat in person; online ones come from attempts. */
export class NotInPersonError extends ConflictError {
  constructor() {
    super('EXAM_NOT_IN_PERSON', 'examSheet.errors.notInPerson');
  }
}

/** A trainee's line refused on applying an upload: why, for the report. */
export interface RefusedLine {
  userId: string | null;
  name: string;
  reason: RefusalReason;
  /** The line of the file, when it came from one. */
  line: number | null;
}

export type RefusalReason = 'unknownTrainee' | 'scoreMissing' | 'badScore' | 'aboveMax' | 'badStatus' | 'duplicate' | 'changed';

/** Applying a preview found lines changed by someone else since: nothing was written, the preview is shown again. */
export class UploadChangedMeanwhileError extends ConflictError {
  constructor(readonly refused: RefusedLine[]) {
    super('RESULTS_CHANGED', 'examSheet.errors.changedSincePreview', { names: refused.map((r) => r.name).join(', ') });
  }
}
