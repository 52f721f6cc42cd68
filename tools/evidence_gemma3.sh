#!/usr/bin/env bash
# Gemma 3 270M's Table 1 evidence (11c_gemma3): bash tools/evidence_gemma3.sh [STEP ...] from the repository root;
# the steps are tools/evidence.sh's. Gemma has 18 layers (SmolLM2 30): attention K = 4 and 8, whole layers K = 2 and 4,
# chosen before any row was measured. ABOVE_CHANCE is left unset until the dense row says which tasks clear chance;
# the random-accuracy step refuses to run without it.
set -euo pipefail
MODEL=gemma3-270m NAME=gemma3 ATTENTION_K=4,8 LAYER_K=2,4 exec bash "$(dirname "$0")/evidence.sh" "$@"
