/** The customer's side of `promise gaps --format json` (SPEC §6), as the tests read it. */
export interface CustomerRowJson {
  source: string;
  dimension: string;
  period: string;
  respondents: number;
  expectation: number | null;
  perception: number | null;
  gap: number | null;
  weight: number | null;
  weighted_gap: number | null;
}

export interface ServqualRowJson {
  source: string;
  period: string;
  servqual: number | null;
  servqual_weighted: number | null;
}
