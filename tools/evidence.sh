#!/usr/bin/env bash
# The evidence behind a model's Table 1 (11_smollm2, 11c_gemma3), on 2 CPU cores: every command is a resumable
# `entrodrop compare` (finished rows are kept, a rerun measures only the missing ones), and every model measured
# leaves per-item and per-window records in a shared store, so a model two runs share (the dense model, a plan two
# rules both choose) is measured once. Called by a model's own script, which sets
#   MODEL (a registry name), NAME (the prefix of its result folders), ATTENTION_K and LAYER_K (the K of Table 1), and
#   ABOVE_CHANCE (the tasks the dense model clears chance on, chosen from the dense row before any random plan runs).
# Steps, in the order of priority (the default): main rules stable random-perplexity random-accuracy rules-renyi.
# RANDOM_SEEDS and ACCURACY_SEEDS set the random distributions' sizes: a rerun with more seeds measures only the new ones.
set -euo pipefail
R=nbs/results
TASKS=hellaswag,piqa,winogrande,arc_easy,arc_challenge,openbookqa,commonsense_qa
TABLE1="--model $MODEL --tasks $TASKS --items 500 --item-seed 0 --held-out-samples 64 --records $R/$NAME-records"
RANDOM_PLANS="--model $MODEL --criteria random --held-out-samples 8 --records $R/$NAME-random-records"
ATTENTION="--kinds attention --num-blocks $ATTENTION_K"
LAYERS="--kinds layer --num-blocks $LAYER_K"
LAYER_CRITERIA=entropy-bucket,entropy-knn,cosine,block-influence,angular-window,laco

main() {  # Table 1: every named criterion, attention and whole layers
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,cosine --out $R/$NAME-attention
  entrodrop compare $TABLE1 $LAYERS --criteria $LAYER_CRITERIA \
    --out $R/$NAME-layer
}
random-perplexity() {  # 200 independent random plans per kind and K, held-out perplexity on the first 8 windows
  entrodrop compare $RANDOM_PLANS $ATTENTION --tasks none --random-seeds ${RANDOM_SEEDS:-200} --out $R/$NAME-random-perplexity-attention
  entrodrop compare $RANDOM_PLANS $LAYERS --tasks none --random-seeds ${RANDOM_SEEDS:-200} --out $R/$NAME-random-perplexity-layer
  # the layer criteria on the same 8 windows: their place among the random plans before (or without) their Table 1 rows
  entrodrop compare --model $MODEL --held-out-samples 8 --records $R/$NAME-random-records $LAYERS --tasks none \
    --criteria $LAYER_CRITERIA --out $R/$NAME-random-perplexity-layer-criteria
}
rules() {  # bucket and kNN entropy under the release's rule (S_start = 2) and without the first token
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn --preset reference \
    --out $R/$NAME-attention-release-rule
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn --skip-tokens 1 \
    --out $R/$NAME-attention-skip-first-token
}
rules-renyi() {  # the third estimator, Renyi entropy, under the three rules (the runs above keep their rows)
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-renyi --out $R/$NAME-attention-renyi
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,entropy-renyi --preset reference \
    --out $R/$NAME-attention-release-rule
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,entropy-renyi --skip-tokens 1 \
    --out $R/$NAME-attention-skip-first-token
}
random-accuracy() {  # 20 of those random plans per kind and K on 200 items of each above-chance task
  local tasks=${ABOVE_CHANCE:?set ABOVE_CHANCE from the dense row before the random plans run}
  entrodrop compare $RANDOM_PLANS $ATTENTION --tasks $tasks --items 200 --item-seed 0 --random-seeds ${ACCURACY_SEEDS:-20} \
    --out $R/$NAME-random-accuracy-attention
  entrodrop compare $RANDOM_PLANS $LAYERS --tasks $tasks --items 200 --item-seed 0 --random-seeds ${ACCURACY_SEEDS:-20} \
    --out $R/$NAME-random-accuracy-layer
}
stable() {  # stability selection over 100 bootstrap draws of the calibration windows
  entrodrop compare $TABLE1 $ATTENTION --criteria entropy-bucket,entropy-knn,cosine --stable 100 \
    --out $R/$NAME-attention-stable
  entrodrop compare $TABLE1 $LAYERS --criteria entropy-bucket,entropy-knn,cosine --stable 100 \
    --out $R/$NAME-layer-stable
}

for step in "${@:-main rules stable random-perplexity random-accuracy rules-renyi}"; do
  for name in $step; do "$name"; done
done
