import type { z } from "zod";
import { message, type Message } from "./message";

/**
 * A zod form issue as a catalog message: our own checks name their `messages:` key (and, for a custom issue, its
 * values in `params`); zod's built-in size checks map by kind, so no English reaches the page.
 */
export function formIssueMessage(issue: z.ZodIssue): Message {
  if (issue.message.startsWith("messages:")) {
    const values = issue.code === "custom" ? (issue.params as Record<string, string | number> | undefined) : undefined;
    return message(issue.message, values);
  }
  if (issue.code === "too_big") return message("messages:form.tooBig", { maximum: Number(issue.maximum) });
  if (issue.code === "too_small") return message("messages:form.tooSmall", { minimum: Number(issue.minimum) });
  return message("messages:form.invalid");
}
