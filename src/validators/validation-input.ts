import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import type { CanonicalResponse } from '../protocols/canonical/response.ts';
import type { AssistantPart, ToolCallPart } from '../protocols/canonical/parts.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import type { ValidationInput } from './validator.ts';

/** The visible answer text of a choice's parts: text parts joined, thinking and refusals left out. */
export function visibleText(parts: AssistantPart[]): string {
  return parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
}

/**
 * The validation input for one choice of a response. The other choices (an n > 1 call)
 * become its samples, so self-consistency can vote over them.
 */
export function validationInputFromResponse(request: CanonicalRequest, response: CanonicalResponse, choiceIndex = 0): ValidationInput {
  const choice = response.choices.find((candidate) => candidate.index === choiceIndex);
  if (choice === undefined) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `response ${response.id} has no choice with index ${choiceIndex}; it has ${response.choices.length} choice(s)`);
  }
  const refusal = choice.content
    .filter((part) => part.type === 'refusal')
    .map((part) => part.text)
    .join('');
  const input: ValidationInput = {
    request,
    text: visibleText(choice.content),
    toolCalls: choice.content.filter((part): part is ToolCallPart => part.type === 'tool_call'),
    stopReason: choice.stopReason,
    model: response.model,
  };
  if (refusal !== '') input.refusal = refusal;
  const samples = response.choices.filter((other) => other !== choice).map((other) => visibleText(other.content));
  if (samples.length > 0) input.samples = samples;
  return input;
}
