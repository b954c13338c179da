import { Problem } from '@gonghui/service-kit';
import { FILE_STATUS_LABELS, GRADE_LABELS, NotOpen } from './domain/file-life';
import type { HardshipGrade } from '@gonghui/contracts';

/** The 409 of an action on a file that is not open, naming its current status in the answer's language. */
export function fileNotOpen(refusal: NotOpen): Problem {
  const label = FILE_STATUS_LABELS[refusal.status];
  return Problem.conflict('file-not-open', `档案当前状态为“${label.zh}”，不能办理此操作 / The file is ${label.en}: this action needs an open file`);
}

export function gradeUnchanged(grade: HardshipGrade): Problem {
  const label = GRADE_LABELS[grade];
  return Problem.conflict('grade-unchanged', `档案已是“${label.zh}”类别 / The file is already graded ${label.en}`);
}

export function alreadyReviewed(year: number): Problem {
  return Problem.conflict('already-reviewed', `该档案 ${year} 年度已复核 / The file has already had its ${year} annual review`);
}
