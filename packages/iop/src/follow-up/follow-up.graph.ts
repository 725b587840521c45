import { defineGraph, many, ref } from "@arbetsliv/core/read";
import { DOMAIN } from "../scopes";
import { MAX_QUESTIONS } from "../shared/list-limits";
import { Evaluation, EvaluationAnswer } from "./evaluation.entity";
import { EvaluationQuestion, EvaluationTemplate } from "./evaluation-template.entity";

/** A template's questions, in order (its input allows at most MAX_QUESTIONS). */
export const evaluationTemplateGraph = defineGraph(EvaluationTemplate, {
  domain: DOMAIN,
  relations: {
    questions: many(() => EvaluationQuestion, "templateId", {
      order: { position: "ASC" },
      paging: "all",
      maxItems: MAX_QUESTIONS,
      description: "The template's questions, in the order asked.",
    }),
  },
});

/** A follow-up's answers and the template it answered. */
export const evaluationGraph = defineGraph(Evaluation, {
  domain: DOMAIN,
  relations: {
    answers: many(() => EvaluationAnswer, "evaluationId", {
      order: { id: "ASC" },
      paging: "all",
      maxItems: MAX_QUESTIONS,
      description: "The answers, in the order given.",
    }),
    template: ref(() => EvaluationTemplate, "templateId", { description: "The evaluation template answered." }),
  },
});
