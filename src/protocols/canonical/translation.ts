/**
 * The result of every translation: the translated value and the paths of the fields it
 * could not carry. Decoders name wire paths of the source (`audio`, `messages[2].name`);
 * encoders name canonical paths (`candidateCount`, `messages[1].content[0].detail`).
 */
export interface Translation<T> {
  value: T;
  dropped: string[];
}
