/**
 * Answers kept per plan while its revision is unchanged: a dashboard asks the same questions many
 * times between changes, and on a 40,000-action plan each one is a few hundred milliseconds. Only
 * the plan's latest revision is kept; a new revision drops that plan's older answers, and a plan
 * asked more than `MAX_QUESTIONS` different questions at one revision starts again, so memory
 * stays bounded whatever periods a client asks about. An answer that also reads other streams
 * (the coverage of recommendations reads the plan's outcomes and the plans carrying it) names their
 * revisions in its question, so a change to any of them is a new question.
 */
const MAX_QUESTIONS = 64;

export function perRevisionAnswers<T>() {
  const byPlan = new Map<string, { revision: number; answers: Map<string, T> }>();
  return (planId: string, revision: number, question: string, compute: () => T): T => {
    let kept = byPlan.get(planId);
    if (kept?.revision !== revision) byPlan.set(planId, (kept = { revision, answers: new Map() }));
    let answer = kept.answers.get(question);
    if (answer === undefined) {
      if (kept.answers.size >= MAX_QUESTIONS) kept.answers.clear();
      kept.answers.set(question, (answer = compute()));
    }
    return answer;
  };
}
