import { ValueTransformer } from 'typeorm';

/** Money in fen: a bigint column, read back as an integer number (fen amounts stay far below 2^53). */
export const fenColumn: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
