import { ownExtensions } from '../canonical/extensions.ts';
import type { ImagePart, ToolResultPart, UserPart } from '../canonical/parts.ts';
import type { CanonicalRequest, CanonicalTool, ReasoningSettings, ToolChoice } from '../canonical/request.ts';
import { toolResultTexts } from '../canonical/tool-result-texts.ts';
import type { Translation } from '../canonical/translation.ts';
import { encodeModelPart, encodeTextPart } from './encode-model-part.ts';
import { functionResponseFromText } from './function-response.ts';
import type {
  GeminiContent,
  GeminiFunctionDeclaration,
  GeminiGenerateContentRequest,
  GeminiGenerationConfig,
  GeminiPart,
  GeminiThinkingConfig,
  GeminiTool,
  GeminiToolConfig,
} from './wire-types.ts';

const MAX_STOP_SEQUENCES = 5;

/** The model and stream flag travel in the URL on this wire. */
export function geminiRequestPath(model: string, stream: boolean): string {
  return stream ? `/v1beta/models/${model}:streamGenerateContent?alt=sse` : `/v1beta/models/${model}:generateContent`;
}

/** The canonical request → a generateContent body (see `geminiRequestPath` for the URL). */
export function encodeGeminiRequest(request: CanonicalRequest): Translation<GeminiGenerateContentRequest> {
  const dropped: string[] = [];
  const toolNames = new Map<string, string>();
  const contents: GeminiContent[] = [];
  request.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.role === 'assistant') {
      contents.push({ role: 'model', parts: message.content.flatMap((part, at) => {
        if (part.type === 'tool_call') toolNames.set(part.id, part.name);
        return encodeModelPart(part, `${path}.content[${at}]`, dropped);
      }) });
      if (message.name !== undefined) dropped.push(`${path}.name`);
    } else if (message.role === 'tool') {
      contents.push({ role: 'user', parts: message.content.map((result, at) => functionResponsePart(result, `${path}.content[${at}]`, dropped, toolNames)) });
    } else {
      if (message.role === 'system') dropped.push(`${path}.role`);
      if (message.role === 'user' && message.name !== undefined) dropped.push(`${path}.name`);
      const parts = (message.content as UserPart[]).flatMap((part, at) => userPart(part, `${path}.content[${at}]`, dropped));
      contents.push({ role: 'user', parts });
    }
  });
  // A content without parts is rejected by the API; its parts were all reported as dropped.
  const body: GeminiGenerateContentRequest = { contents: contents.filter((content) => content.parts.length > 0) };
  if (request.system !== undefined && request.system.length > 0) {
    body.systemInstruction = { parts: request.system.map((part, index) => encodeTextPart(part, `system[${index}]`, dropped)) };
  }
  if (request.tools !== undefined) body.tools = encodeTools(request.tools, dropped);
  if (request.toolChoice !== undefined) body.toolConfig = encodeToolChoice(request.toolChoice);
  const generationConfig = encodeGenerationConfig(request, dropped);
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  if (request.serviceTier === 'standard' || request.serviceTier === 'flex' || request.serviceTier === 'priority') {
    body.serviceTier = request.serviceTier;
  } else if (request.serviceTier !== undefined) dropped.push('serviceTier');
  for (const field of ['parallelToolCalls', 'user', 'metadata'] as const) {
    if (request[field] !== undefined) dropped.push(field);
  }
  if (request.cache !== undefined) for (const field in request.cache) dropped.push(`cache.${field}`);
  const own = ownExtensions(request.extensions, 'gemini', dropped);
  if (own !== undefined) {
    const { generationConfig: extraGeneration, ...rest } = own;
    Object.assign(body, rest);
    if (extraGeneration !== undefined) body.generationConfig = { ...body.generationConfig, ...(extraGeneration as object) };
  }
  return { value: body, dropped };
}

function imagePart(part: ImagePart, path: string, dropped: string[]): GeminiPart {
  if (part.detail !== undefined) dropped.push(`${path}.detail`);
  if (part.cache !== undefined) dropped.push(`${path}.cache`);
  const source = part.source;
  if (source.kind === 'base64') return { inlineData: { mimeType: source.mediaType, data: source.data } };
  return { fileData: { mimeType: source.mediaType ?? 'image/jpeg', fileUri: source.url } };
}

function userPart(part: UserPart, path: string, dropped: string[]): GeminiPart[] {
  if (part.type === 'text') return [encodeTextPart(part, path, dropped)];
  if (part.type === 'image') return [imagePart(part, path, dropped)];
  if (part.protocol === 'gemini') return [part.value as GeminiPart];
  dropped.push(path);
  return [];
}

function functionResponsePart(result: ToolResultPart, path: string, dropped: string[], toolNames: Map<string, string>): GeminiPart {
  const name = result.name ?? toolNames.get(result.toolCallId);
  if (name === undefined) dropped.push(`${path}.name`);
  const texts = toolResultTexts(result, path, dropped);
  return { functionResponse: { name: name ?? result.toolCallId, response: functionResponseFromText(texts), id: result.toolCallId } };
}

function encodeTools(tools: CanonicalTool[], dropped: string[]): GeminiTool[] {
  const declarations: GeminiFunctionDeclaration[] = [];
  const encoded: GeminiTool[] = [];
  tools.forEach((tool, index) => {
    if (tool.type === 'opaque') {
      if (tool.protocol === 'gemini') encoded.push(tool.value as GeminiTool);
      else dropped.push(`tools[${index}]`);
      return;
    }
    const declaration: GeminiFunctionDeclaration = { name: tool.name };
    if (tool.description !== undefined) declaration.description = tool.description;
    if (tool.parameters !== undefined) declaration.parametersJsonSchema = tool.parameters;
    if (tool.strict !== undefined) dropped.push(`tools[${index}].strict`);
    if (tool.cache !== undefined) dropped.push(`tools[${index}].cache`);
    declarations.push(declaration);
  });
  return declarations.length > 0 ? [{ functionDeclarations: declarations }, ...encoded] : encoded;
}

function encodeToolChoice(choice: ToolChoice): GeminiToolConfig {
  switch (choice.type) {
    case 'auto':
      return { functionCallingConfig: { mode: 'AUTO' } };
    case 'none':
      return { functionCallingConfig: { mode: 'NONE' } };
    case 'required':
      return { functionCallingConfig: { mode: 'ANY' } };
    case 'tool':
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  }
}

function encodeGenerationConfig(request: CanonicalRequest, dropped: string[]): GeminiGenerationConfig {
  const generation: GeminiGenerationConfig = {};
  if (request.stop !== undefined) {
    generation.stopSequences = request.stop.slice(0, MAX_STOP_SEQUENCES);
    if (request.stop.length > MAX_STOP_SEQUENCES) dropped.push(`stop[${MAX_STOP_SEQUENCES}]`);
  }
  if (request.candidateCount !== undefined) generation.candidateCount = request.candidateCount;
  if (request.maxOutputTokens !== undefined) generation.maxOutputTokens = request.maxOutputTokens;
  if (request.temperature !== undefined) generation.temperature = request.temperature;
  if (request.topP !== undefined) generation.topP = request.topP;
  if (request.topK !== undefined) generation.topK = request.topK;
  if (request.seed !== undefined) generation.seed = request.seed;
  if (request.presencePenalty !== undefined) generation.presencePenalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) generation.frequencyPenalty = request.frequencyPenalty;
  const format = request.responseFormat;
  if (format?.type === 'text') generation.responseMimeType = 'text/plain';
  else if (format !== undefined) {
    generation.responseMimeType = 'application/json';
    if (format.type === 'json_schema') {
      generation.responseJsonSchema = format.schema;
      for (const field of ['name', 'description', 'strict'] as const) {
        if (format[field] !== undefined) dropped.push(`responseFormat.${field}`);
      }
    }
  }
  if (request.reasoning !== undefined) {
    const thinking = encodeThinking(request.reasoning, dropped);
    if (Object.keys(thinking).length > 0) generation.thinkingConfig = thinking;
  }
  return generation;
}

const LEVELS = { minimal: 'MINIMAL', low: 'LOW', medium: 'MEDIUM', high: 'HIGH', xhigh: 'HIGH', max: 'HIGH' } as const;

function encodeThinking(reasoning: ReasoningSettings, dropped: string[]): GeminiThinkingConfig {
  const thinking: GeminiThinkingConfig = {};
  if (reasoning.enabled === false || reasoning.effort === 'none') thinking.thinkingBudget = 0;
  else if (reasoning.budgetTokens !== undefined) thinking.thinkingBudget = reasoning.budgetTokens;
  else if (reasoning.enabled === true && reasoning.effort === undefined) thinking.thinkingBudget = -1;
  if (reasoning.effort !== undefined && reasoning.effort !== 'none') {
    thinking.thinkingLevel = LEVELS[reasoning.effort];
    if (reasoning.effort === 'xhigh' || reasoning.effort === 'max') dropped.push('reasoning.effort');
  }
  if (reasoning.includeThoughts !== undefined) thinking.includeThoughts = reasoning.includeThoughts;
  return thinking;
}
