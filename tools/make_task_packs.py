"Write the shipped Python FAQ lm-eval task items (entrodrop/data/tasks/*.jsonl) from the shipped Python FAQ."
import json
from entrodrop.calibration import DATA_DIR
from entrodrop.tasks import answer_match_items, next_sentence_items

records = [json.loads(line) for line in (DATA_DIR / "python_docs_faq.jsonl").read_text().splitlines()]
(DATA_DIR / "tasks").mkdir(exist_ok=True)
for name, items in {"python_faq_next_sentence": next_sentence_items(records), "python_faq_answer_match": answer_match_items(records)}.items():
    (DATA_DIR / "tasks" / f"{name}.jsonl").write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n")
    print(f"{name}: {len(items)} items")
