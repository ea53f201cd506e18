/**
 * Why a record is invalid, as a compiled query says it: a number (`reason_ref`) into the list the
 * compiler made, and the cell's text (`reason_text`) where the reason quotes one. The list turns
 * them back into the built-in engine's InvalidReason, so the sentence is made in the one place it
 * always is (report/shared/invalid-reasons.ts).
 */
import type { CompareArgs, ConditionProblem, InvalidReason } from '../model/evaluation.js';

export interface ReasonTemplate {
  /** the reason's code, as `reason_code` in the printed SQL */
  code: InvalidReason['code'] | 'outside-sql-tables';
  /** the pipeline column whose text the reason quotes */
  textColumn: string | undefined;
  /** the reason, given the text */
  make(text: string): InvalidReason;
}

/** The reasons of one compiled source, numbered from 1. */
export class Reasons {
  readonly list: ReasonTemplate[] = [];

  add(template: ReasonTemplate): number {
    this.list.push(template);
    return this.list.length;
  }

  /** A condition's numeric test that could not be decided, as `expect` gives it or `where` wraps it. */
  compare(code: ConditionProblem['code'], args: Omit<CompareArgs, 'text'>, textColumn: string, where: boolean): number {
    const problem = (text: string): ConditionProblem => ({ code, args: { ...args, text } }) as ConditionProblem;
    return this.add({ code: where ? 'where-undecidable' : code, textColumn, make: (text) => (where ? { code: 'where-undecidable', args: { problem: problem(text) } } : problem(text)) });
  }

  fixed(reason: InvalidReason): number {
    return this.add({ code: reason.code, textColumn: undefined, make: () => reason });
  }

  withText(code: ReasonTemplate['code'], textColumn: string, make: (text: string) => InvalidReason): number {
    return this.add({ code, textColumn, make });
  }

  /** The reason a query gave, by its number and text. */
  reasonOf(ref: number, text: string | null): InvalidReason {
    const template = this.list[ref - 1];
    if (template === undefined) throw new RangeError(`the query gave reason ${ref}, which it was not compiled with`);
    if (template.code === 'outside-sql-tables') throw new RangeError('a record fell outside the tables the query was compiled with');
    return template.make(text ?? '');
  }
}
