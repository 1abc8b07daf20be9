// Typings for the parts of `natural` that awsbot imports by deep path. Its root index loads
// database clients and prints to stdout at start-up, so awsbot never imports it.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  /** The sparse naive Bayes model underneath natural's BayesClassifier (from `apparatus`). */
  interface SparseBayes {
    addExample(observation: Record<number, string>, label: string): void;
    getClassifications(observation: Record<number, string>): { label: string; value: number }[];
    /** Examples seen per class (plus one for smoothing). */
    classTotals: Record<string, number>;
    totalExamples: number;
  }
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    classifier: SparseBayes;
  }
  export default BayesClassifier;
}
