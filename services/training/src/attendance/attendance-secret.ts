/** The secret the rotating codes are keyed with: TRAINING_ATTENDANCE_SECRET; production refuses a missing or short one. */
export const ATTENDANCE_SECRET = Symbol('ATTENDANCE_SECRET');

export function attendanceSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.TRAINING_ATTENDANCE_SECRET;
  if (env.NODE_ENV === 'production' && (!secret || secret.length < 32)) throw new Error('TRAINING_ATTENDANCE_SECRET must be set in production (at least 32 characters)');
  return secret ?? 'gonghui-dev-attendance-secret';
}
