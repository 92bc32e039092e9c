/**
 * Checks the arithmetic a response writes out — GSM8K-style calculator annotations
 * "<<48/2=24>>" and inline "48 / 2 = 24" — with a small parser (numbers, + − × ÷, parentheses;
 * never eval). A wrong step is a strong sign the final answer is wrong.
 */
export interface ArithmeticCheck {
  checked: number;
  wrong: number;
}

const ANNOTATION = /<<([^<>=]+)=([^<>]+)>>/g;
const INLINE = /((?:\(?\s*-?\d[\d,]*(?:\.\d+)?\s*\)?\s*[-+*/×÷x]\s*)+\(?\s*-?\d[\d,]*(?:\.\d+)?\s*\)?)\s*=\s*\$?(-?\d[\d,]*(?:\.\d+)?)/g;

/** Value of an arithmetic expression, or undefined when it is not one. */
export function evaluateExpression(expression: string): number | undefined {
  const text = expression.replace(/,/g, '').replace(/[×x]/g, '*').replace(/÷/g, '/').replace(/\s+/g, '');
  let position = 0;
  const peek = () => text[position];
  function number(): number | undefined {
    const match = /^\d+(?:\.\d+)?|^\.\d+/.exec(text.slice(position));
    if (match === null) return undefined;
    position += match[0].length;
    return Number(match[0]);
  }
  function factor(): number | undefined {
    if (peek() === '-') {
      position++;
      const value = factor();
      return value === undefined ? undefined : -value;
    }
    if (peek() === '(') {
      position++;
      const value = sum();
      if (peek() !== ')') return undefined;
      position++;
      return value;
    }
    return number();
  }
  function product(): number | undefined {
    let value = factor();
    while (value !== undefined && (peek() === '*' || peek() === '/')) {
      const operator = text[position++];
      const right = factor();
      if (right === undefined) return undefined;
      value = operator === '*' ? value * right : value / right;
    }
    return value;
  }
  function sum(): number | undefined {
    let value = product();
    while (value !== undefined && (peek() === '+' || peek() === '-')) {
      const operator = text[position++];
      const right = product();
      if (right === undefined) return undefined;
      value = operator === '+' ? value + right : value - right;
    }
    return value;
  }
  const value = sum();
  return position === text.length && value !== undefined && Number.isFinite(value) ? value : undefined;
}

function agrees(computed: number, written: number): boolean {
  // Written results are often rounded (to cents, or to whole units).
  return Math.abs(computed - written) <= Math.max(0.01, Math.abs(computed) * 1e-3) || Math.round(computed) === written;
}

function checkAll(pattern: RegExp, response: string, result: ArithmeticCheck): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(response); match !== null; match = pattern.exec(response)) {
    const computed = evaluateExpression(match[1]!);
    const written = Number(match[2]!.replace(/[,$\s]/g, ''));
    if (computed === undefined || !Number.isFinite(written)) continue;
    result.checked++;
    if (!agrees(computed, written)) result.wrong++;
  }
}

export function checkArithmetic(response: string): ArithmeticCheck {
  const result: ArithmeticCheck = { checked: 0, wrong: 0 };
  checkAll(ANNOTATION, response, result);
  checkAll(INLINE, response.replace(ANNOTATION, ''), result);
  return result;
}
