#!/usr/bin/env bash
# The evidence behind 11_smollm2's Table 1, on SmolLM2-135M, 2 CPU cores: every command is a resumable
# `entrodrop compare` (finished rows are kept, a rerun measures only the missing ones), and every model
# measured leaves per-item and per-window records in a shared store, so a model two runs share (the dense
# model, a plan two rules both choose) is measured once. Run from the repository root:
#   bash tools/evidence_smollm2.sh [STEP ...]
# Steps, in the order of priority (the default): main rules stable random-perplexity random-accuracy rules-renyi. On
# 2 cores the random distributions ran first at half their size (RANDOM_SEEDS=100, ACCURACY_SEEDS=10): a rerun with
# more seeds measures only the new ones.
set -euo pipefail
R=nbs/results
TASKS=hellaswag,piqa,winogrande,arc_easy,arc_challenge,openbookqa,commonsense_qa
# The tasks the dense model clears chance on by 10 points or more (the earlier first-500-items run: HellaSwag 0.376,
# PIQA 0.650, ARC-Easy 0.502), chosen before the runs below: the random plans' accuracy is measured on these.
ABOVE_CHANCE=hellaswag,piqa,arc_easy
TABLE1="--model smollm2-135m --tasks $TASKS --items 500 --item-seed 0 --held-out-samples 64 --records $R/smollm2-records"
RANDOM_PLANS="--model smollm2-135m --criteria random --held-out-samples 8 --records $R/smollm2-random-records"
ATTENTION="--kinds attention --num-blocks 4,8,12"
LAYERS="--kinds layer --num-blocks 4,8"

main() {  # Table 1: every named criterion, attention K = 4, 8, 12 and layers K = 4, 8
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,cosine --out $R/smollm2-attention
  entrodrop compare $TABLE1 $LAYERS --criteria entropy-bucket,entropy-knn,cosine,block-influence,angular-window,laco \
    --out $R/smollm2-layer
}
random-perplexity() {  # 200 independent random plans per kind and K, held-out perplexity on the first 8 windows
  entrodrop compare $RANDOM_PLANS $ATTENTION --tasks none --random-seeds ${RANDOM_SEEDS:-200} --out $R/smollm2-random-perplexity-attention
  entrodrop compare $RANDOM_PLANS $LAYERS --tasks none --random-seeds ${RANDOM_SEEDS:-200} --out $R/smollm2-random-perplexity-layer
}
rules() {  # bucket and kNN entropy under the release's rule (S_start = 2) and without the first token
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn --preset reference \
    --out $R/smollm2-attention-release-rule
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn --skip-tokens 1 \
    --out $R/smollm2-attention-skip-first-token
}
rules-renyi() {  # the third estimator, Renyi entropy, under the three rules (the runs above keep their rows)
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-renyi --out $R/smollm2-attention
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,entropy-renyi --preset reference \
    --out $R/smollm2-attention-release-rule
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,entropy-renyi --skip-tokens 1 \
    --out $R/smollm2-attention-skip-first-token
}
random-accuracy() {  # 20 of those random plans per kind and K on 200 items of each above-chance task
  entrodrop compare $RANDOM_PLANS $ATTENTION --tasks $ABOVE_CHANCE --items 200 --item-seed 0 --random-seeds ${ACCURACY_SEEDS:-20} \
    --out $R/smollm2-random-accuracy-attention
  entrodrop compare $RANDOM_PLANS $LAYERS --tasks $ABOVE_CHANCE --items 200 --item-seed 0 --random-seeds ${ACCURACY_SEEDS:-20} \
    --out $R/smollm2-random-accuracy-layer
}
stable() {  # stability selection over 100 bootstrap draws of the calibration windows
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,cosine --stable 100 \
    --out $R/smollm2-attention-stable
  entrodrop compare $TABLE1 $LAYERS --criteria entropy-bucket,entropy-knn,cosine --stable 100 \
    --out $R/smollm2-layer-stable
}

for step in "${@:-main rules stable random-perplexity random-accuracy rules-renyi}"; do
  for name in $step; do "$name"; done
done
