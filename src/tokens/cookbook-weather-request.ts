/**
 * The tool example of OpenAI's cookbook "How to count tokens with tiktoken": the API reported
 * 101 prompt tokens on gpt-4o and 105 on gpt-4 and gpt-3.5-turbo (tests only).
 */
export const WEATHER_REQUEST = {
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'You are a helpful assistant that can answer to questions about the weather.' },
    { role: 'user', content: "What's the weather like in San Francisco?" },
  ],
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_current_weather',
        description: 'Get the current weather in a given location',
        parameters: {
          type: 'object',
          properties: {
            location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
            unit: { type: 'string', description: 'The unit of temperature to return', enum: ['celsius', 'fahrenheit'] },
          },
          required: ['location'],
        },
      },
    },
  ],
};
