/** A problem with the review's input (a plan, an allow file, a baseline) that the user can fix. */
export class PlanReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanReviewError';
  }
}
