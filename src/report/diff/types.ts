import type { ChalkInstance } from 'chalk';
import type { DiffReport } from '../../diff/model.js';

export interface DiffFormatOptions {
  chalk: ChalkInstance;
}

export type DiffFormatter = (report: DiffReport, options: DiffFormatOptions) => string;
