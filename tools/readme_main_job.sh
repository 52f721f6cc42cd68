#!/usr/bin/env bash
# The README's main job, run and timed as the README states it: once with the cache filled, once from an empty cache
# (ENTRODROP_CACHE pointing at a new folder; pip's own wheel cache is left as it is, so no network transfer is timed).
# Writes nbs/results/readme-main-job/: output.txt (what the job printed), summary.json (the pruned folder's), timing.json.
# Time it on an otherwise idle machine: the timing records the load average at the start.
set -euo pipefail
out=nbs/results/readme-main-job
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1
command=(entrodrop prune --kind attention --num-blocks 4 --out runs/smollm2-attn4)
repository=$PWD
load=$(cut -d' ' -f1 /proc/loadavg)
entrodrop fetch --assets smollm2-135m,prose > /dev/null
cd "$work"  # the README's relative output folder, under the temporary one
start=$(date +%s.%N)
"${command[@]}" > output.txt 2> /dev/null
warm=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
mv runs warm-runs
ENTRODROP_CACHE="$work/cache" "${command[@]}" > /dev/null 2>&1
cold=$(echo "$(date +%s.%N) - $start" | bc)
cd "$repository"
mkdir -p "$out"
cp "$work/output.txt" "$out/output.txt"
cp "$work/warm-runs/smollm2-attn4/summary.json" "$out/summary.json"
cat > "$out/timing.json" <<EOF
{
  "command": "${command[*]}",
  "seconds_with_cache_filled": $warm,
  "seconds_from_empty_cache": $cold,
  "load_average_at_start": $load,
  "cpu_cores": $(nproc),
  "time": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
EOF
cat "$out/output.txt" "$out/timing.json"
