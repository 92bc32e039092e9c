import { loadConfig } from '../../config/load-config.ts';
import { resolveEmbedder } from '../../cache/embedders/resolve-embedder.ts';
import { shippedLexicalEmbedder } from '../../cache/embedders/shipped-lexical-embedder.ts';
import { evaluatePairs } from '../../cache/semantic/evaluation/evaluate-pairs.ts';
import { evaluateRetrieval } from '../../cache/semantic/evaluation/evaluate-retrieval.ts';
import { formatPairEvaluation } from '../../cache/semantic/evaluation/format-evaluation.ts';
import { parseLabelledPairs } from '../../cache/semantic/evaluation/labelled-pairs.ts';
import { PairClassifier } from '../../cache/semantic/verifier/pair-classifier.ts';
import { loadShippedPairClassifier } from '../../cache/semantic/verifier/pair-classifier-model.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CliIO, Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE = `frugal cache eval --pairs FILE [--embedder NAME] [--threshold T] [--verifier classifier|none]
                  [--min-similarity S] [--retrieval] [--config FILE] [--json]

  eval              precision, recall and false-hit rate of semantic-cache hits on labelled pairs
                    (JSON lines {"a", "b", "duplicate"}, e.g. ../shared/data/paraphrase/qqp-dev.jsonl);
                    thresholds are chosen on a development part (false-hit rate <= 1%) and every
                    figure is reported on a held-out part
  --pairs           the labelled pairs file
  --embedder        lexical (built in, default) or PROVIDER/MODEL: the embeddings endpoint of a
                    provider in the gateway configuration
  --threshold       report at this threshold instead of choosing one
  --verifier        classifier (default): candidates are confirmed by the pair classifier;
                    none: hits on embedder similarity alone
  --min-similarity  embedder similarity a pair needs to reach the classifier (default: the
                    classifier's training floor, 0.4)
  --retrieval       also run GPTCache's benchmark: store every duplicate's a, look up every b
  --config          gateway configuration naming the providers (default ./frugal.yaml)
  --json            print {threshold, precision, recall, falseHitRate, curve, ...} as JSON`;

const OPTIONS = {
  pairs: { type: 'string' },
  embedder: { type: 'string' },
  threshold: { type: 'string' },
  verifier: { type: 'string' },
  'min-similarity': { type: 'string' },
  retrieval: { type: 'boolean' },
  config: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const MAX_FALSE_HIT_RATE = 0.01;
/** The cosine thresholds of GPTCache's published comparison, and a few below them. */
const RETRIEVAL_COSINE_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

function fractionOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !(number >= 0 && number <= 1)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `${name} must be a number from 0 to 1, got "${value}"`);
  }
  return number;
}

async function runEval(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, OPTIONS, USAGE);
  if (positionals.length > 0) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (values.pairs === undefined) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--pairs FILE is required\nusage: ${USAGE}`);
  const verifierName = values.verifier ?? 'classifier';
  if (verifierName !== 'classifier' && verifierName !== 'none') {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--verifier must be "classifier" or "none", got "${verifierName}"`);
  }
  const threshold = fractionOption(values.threshold, '--threshold');
  const pairs = parseLabelledPairs(await io.readFile(values.pairs), values.pairs);
  const embedderName = values.embedder ?? 'lexical';
  const embedder =
    embedderName === 'lexical' ? shippedLexicalEmbedder() : await resolveEmbedder(embedderName, await loadConfig(values.config), io.env);
  const classifier = verifierName === 'none' ? undefined : new PairClassifier(loadShippedPairClassifier(), shippedLexicalEmbedder());
  const minimumSimilarity = fractionOption(values['min-similarity'], '--min-similarity') ?? loadShippedPairClassifier().minimumCosine;

  const evaluation = await evaluatePairs({
    pairs,
    embedder,
    ...(classifier === undefined ? {} : { classifier }),
    minimumSimilarity,
    maxFalseHitRate: MAX_FALSE_HIT_RATE,
    ...(threshold === undefined ? {} : { threshold }),
  });
  const primary = evaluation.verified ?? evaluation.cosine;
  const retrieval = values.retrieval
    ? await evaluateRetrieval({
        pairs,
        embedder,
        classifier: classifier ?? new PairClassifier(loadShippedPairClassifier(), shippedLexicalEmbedder()),
        minimumSimilarity,
        classifierThreshold: evaluation.verified?.threshold ?? loadShippedPairClassifier().threshold,
        cosineThresholds: RETRIEVAL_COSINE_THRESHOLDS,
      })
    : undefined;

  if (values.json) {
    const point = primary.heldOut;
    io.stdout(
      JSON.stringify(
        {
          pairs: values.pairs,
          embedder: embedder.name,
          verifier: classifier?.name ?? null,
          method: primary.method,
          minimumSimilarity,
          maxFalseHitRate: MAX_FALSE_HIT_RATE,
          split: evaluation.split,
          threshold: primary.threshold,
          chosenOn: primary.chosenOn,
          precision: point?.precision ?? null,
          recall: point?.recall ?? null,
          falseHitRate: point?.falseHitRate ?? null,
          correctHits: point?.correctHits ?? null,
          falseHits: point?.falseHits ?? null,
          development: primary.development,
          curve: primary.curve,
          ...(evaluation.verified === null ? {} : { cosine: evaluation.cosine }),
          ...(retrieval === undefined ? {} : { retrieval }),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.stdout(
    formatPairEvaluation(
      evaluation,
      {
        pairsPath: values.pairs,
        pairCount: pairs.length,
        duplicates: pairs.filter((pair) => pair.duplicate).length,
        embedder: embedder.name,
        dimensions: embedder.dimensions,
        verifier: classifier?.name ?? null,
        minimumSimilarity,
        maxFalseHitRate: MAX_FALSE_HIT_RATE,
      },
      retrieval,
    ),
  );
  return 0;
}

const command: Command = {
  summary: 'Semantic response cache: measure hit precision offline (eval).',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const [subcommand, ...rest] = argv;
    if (subcommand === 'eval') return runEval(rest, io);
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `unknown subcommand ${subcommand === undefined ? '(none)' : `"${subcommand}"`}\nusage: ${USAGE}`);
  },
};

export default command;
