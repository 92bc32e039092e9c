import type { AssistantPart, ImagePart, TextPart, ToolResultPart, UserPart } from '../canonical/parts.ts';
import type { CanonicalMessage, CanonicalRequest, CanonicalTool, ToolChoice } from '../canonical/request.ts';
import { argumentsFromObject } from '../canonical/tool-arguments.ts';
import type { Translation } from '../canonical/translation.ts';
import { CallIds } from './call-ids.ts';
import { decodeGenerationConfig } from './decode-generation-config.ts';
import { textFromFunctionResponse } from './function-response.ts';
import { lowerCaseSchemaTypes } from './schema-types.ts';
import type { GeminiContent, GeminiGenerateContentRequest, GeminiPart, GeminiTool, GeminiToolConfig } from './wire-types.ts';

const MODELLED_FIELDS = new Set(['contents', 'systemInstruction', 'tools', 'toolConfig', 'generationConfig', 'serviceTier', 'model']);

/** Where the model and the stream flag come from on this wire: the URL. */
export interface GeminiRequestTarget {
  model: string;
  stream: boolean;
}

/** A validated generateContent body (plus model and stream from the URL) → the canonical request. */
export function decodeGeminiRequest(request: GeminiGenerateContentRequest, target: GeminiRequestTarget): Translation<CanonicalRequest> {
  const dropped: string[] = [];
  const extensions: Record<string, unknown> = {};
  const canonical: CanonicalRequest = { model: target.model, messages: [], stream: target.stream };
  if (request.systemInstruction !== undefined) {
    canonical.system = systemParts(request.systemInstruction, 'systemInstruction', dropped);
  }
  const ids = new CallIds();
  request.contents.forEach((content, index) => decodeContent(content, index, canonical.messages, ids));
  if (request.tools !== undefined) canonical.tools = request.tools.flatMap(decodeTool);
  if (request.toolConfig !== undefined) decodeToolConfig(request.toolConfig, canonical, extensions, dropped);
  if (request.generationConfig !== undefined) decodeGenerationConfig(request.generationConfig, canonical, extensions);
  const tier = request.serviceTier;
  if (tier === 'standard' || tier === 'flex' || tier === 'priority') canonical.serviceTier = tier;
  else if (tier !== undefined) extensions['serviceTier'] = tier;
  for (const key in request) {
    if (!MODELLED_FIELDS.has(key) && request[key] !== undefined) extensions[key] = request[key];
  }
  if (Object.keys(extensions).length > 0) canonical.extensions = { gemini: extensions };
  return { value: canonical, dropped };
}

function systemParts(content: GeminiContent, path: string, dropped: string[]): TextPart[] {
  const parts: TextPart[] = [];
  content.parts.forEach((part, index) => {
    if (typeof part.text === 'string') parts.push({ type: 'text', text: part.text });
    else dropped.push(`${path}.parts[${index}]`);
  });
  return parts;
}

function textPart(part: GeminiPart): TextPart {
  const text: TextPart = { type: 'text', text: part.text as string };
  if (part.thoughtSignature !== undefined) text.thoughtSignature = part.thoughtSignature;
  return text;
}

function mediaPart(part: GeminiPart): UserPart {
  if (part.inlineData !== undefined && part.inlineData.mimeType.startsWith('image/')) {
    return { type: 'image', source: { kind: 'base64', mediaType: part.inlineData.mimeType, data: part.inlineData.data } };
  }
  if (part.fileData !== undefined && (part.fileData.mimeType ?? '').startsWith('image/')) {
    const image: ImagePart = { type: 'image', source: { kind: 'url', url: part.fileData.fileUri, mediaType: part.fileData.mimeType as string } };
    return image;
  }
  return { type: 'opaque', protocol: 'gemini', value: part };
}

function decodeContent(content: GeminiContent, contentIndex: number, messages: CanonicalMessage[], ids: CallIds): void {
  if (content.role === 'model') {
    const parts = content.parts.map((part, index): AssistantPart => {
      if (part.functionCall !== undefined) {
        const call = part.functionCall;
        const decoded: AssistantPart = {
          type: 'tool_call',
          id: ids.call(call.name, call.id, contentIndex, index),
          name: call.name,
          arguments: argumentsFromObject(call.args),
        };
        if (part.thoughtSignature !== undefined) decoded.thoughtSignature = part.thoughtSignature;
        return decoded;
      }
      if (typeof part.text === 'string' && part.thought === true) {
        const thinking: AssistantPart = { type: 'thinking', text: part.text };
        if (part.thoughtSignature !== undefined) thinking.thoughtSignature = part.thoughtSignature;
        return thinking;
      }
      if (typeof part.text === 'string') return textPart(part);
      return { type: 'opaque', protocol: 'gemini', value: part };
    });
    messages.push({ role: 'assistant', content: parts });
    return;
  }
  content.parts.forEach((part, index) => {
    const previous = messages[messages.length - 1];
    if (part.functionResponse !== undefined) {
      const response = part.functionResponse;
      const result: ToolResultPart = {
        type: 'tool_result',
        toolCallId: ids.response(response.name, response.id),
        name: response.name,
        content: [{ type: 'text', text: textFromFunctionResponse(response.response) }],
      };
      if (previous?.role === 'tool') previous.content.push(result);
      else messages.push({ role: 'tool', content: [result] });
      return;
    }
    const decoded = typeof part.text === 'string' ? textPart(part) : mediaPart(part);
    if (previous?.role === 'user' && index > 0) previous.content.push(decoded);
    else messages.push({ role: 'user', content: [decoded] });
  });
}

function decodeTool(tool: GeminiTool): CanonicalTool[] {
  const tools: CanonicalTool[] = [];
  for (const key in tool) {
    if (key !== 'functionDeclarations') {
      tools.push({ type: 'opaque', protocol: 'gemini', value: { [key]: tool[key] } });
      continue;
    }
    for (const declaration of tool.functionDeclarations ?? []) {
      const decoded: CanonicalTool = { type: 'function', name: declaration.name };
      if (declaration.description !== undefined) decoded.description = declaration.description;
      const schema = declaration.parametersJsonSchema ?? (declaration.parameters === undefined ? undefined : lowerCaseSchemaTypes(declaration.parameters));
      if (schema !== undefined) decoded.parameters = schema as Record<string, unknown>;
      tools.push(decoded);
    }
  }
  return tools;
}

function decodeToolConfig(toolConfiguration: GeminiToolConfig, canonical: CanonicalRequest, extensions: Record<string, unknown>, dropped: string[]): void {
  const calling = toolConfiguration.functionCallingConfig;
  const others = Object.keys(toolConfiguration).filter((key) => key !== 'functionCallingConfig');
  if (others.length > 0 || (calling !== undefined && Object.keys(calling).some((key) => key !== 'mode' && key !== 'allowedFunctionNames'))) {
    extensions['toolConfig'] = toolConfiguration;
    return;
  }
  if (calling?.mode === undefined) return;
  const names = calling.allowedFunctionNames ?? [];
  let choice: ToolChoice | undefined;
  if (calling.mode === 'AUTO') choice = { type: 'auto' };
  else if (calling.mode === 'NONE') choice = { type: 'none' };
  else if (calling.mode === 'ANY') choice = names.length === 1 ? { type: 'tool', name: names[0] as string } : { type: 'required' };
  if (choice === undefined) extensions['toolConfig'] = toolConfiguration;
  else canonical.toolChoice = choice;
  if (choice?.type === 'required' && names.length > 1) dropped.push('toolConfig.functionCallingConfig.allowedFunctionNames');
}
