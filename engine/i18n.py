"""User-facing messages in Chinese (default) and English (`--lang en`).

One table, keyed by a stable code. Stage modules add their own codes here rather than writing
strings inline, so that `tests/test_i18n.py` can check every code has both languages and that the
fields each message uses are the same in both.
"""

from __future__ import annotations

import errno
import os
import string

LANGS = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # ---- coverage: a parent measure the draft need not carry (pipeline.not_applicable_measures)
    "coverage.beyond": {"zh": "上级职责", "en": "a higher level's duty"},
    # ---- input documents
    "input.not_found": {"zh": "找不到文件：{path}", "en": "file not found: {path}"},
    "input.is_dir": {"zh": "{path} 是文件夹，不是文件", "en": "{path} is a directory, not a file"},
    "input.unreadable": {"zh": "无法读取 {path}：{reason}", "en": "cannot read {path}: {reason}"},
    "input.empty": {"zh": "{path} 是空文件，没有可检查的内容", "en": "{path} is empty: nothing to check"},
    "input.pipe_unwritten": {
        "zh": "{path} 是命名管道，没有程序在向它写入；请给出方案文件本身",
        "en": "{path} is a named pipe with no program writing into it; give the plan's file itself",
    },
    "input.binary": {
        "zh": "{path} 看起来是二进制文件，不是文本、.docx、.pdf、.html 或 .xlsx 文档",
        "en": "{path} looks like a binary file, not a text, .docx, .pdf, .html or .xlsx document",
    },
    "input.undecodable": {
        "zh": "{path} 的编码无法识别（已尝试 UTF-8、GB18030/GBK/GB2312、UTF-16）；请另存为 UTF-8 文本",
        "en": "cannot decode {path} (tried UTF-8, GB18030/GBK/GB2312, UTF-16): save it as UTF-8 text",
    },
    "input.unsupported": {
        "zh": "不支持的文件类型“{ext}”（{path}）；支持 .txt .md .docx .pdf .html .xlsx 和 -（标准输入）",
        "en": "unsupported file type '{ext}' ({path}); supported: .txt .md .docx .pdf .html .xlsx and - (stdin)",
    },
    "input.corrupt": {
        "zh": "{path} 已损坏或不是有效的 {format} 文件：{reason}",
        "en": "{path} is corrupt or not a valid {format} file: {reason}",
    },
    "input.garbled_text": {
        "zh": "{path} 的文字层无法解读（{share}% 的字符没有可用的字符编码，常见于字体未嵌入 Unicode 映射的 PDF）；请用原始的 .docx 或做文字识别后的 PDF",
        "en": "{path} has a text layer that cannot be decoded ({share}% of its characters have no usable character code, as in PDFs whose fonts lack a Unicode map); use the original .docx or an OCR'd PDF",
    },
    "input.no_text": {
        "zh": "{path} 中没有可提取的文字（扫描件 PDF 需先做文字识别）",
        "en": "{path} has no extractable text (a scanned PDF needs OCR first)",
    },
    "input.encrypted": {
        "zh": "{path} 设有打开密码（已加密）；请在原程序中取消密码后另存，再检查",
        "en": "{path} is encrypted (it has an open password): remove the password and save it again first",
    },
    "input.doc_legacy": {
        "zh": "{path} 是旧版 Word (.doc) 文件；请在 Word 中另存为 .docx 后再检查",
        "en": "{path} is a legacy Word (.doc) file: save it as .docx in Word first",
    },
    "input.changed": {
        "zh": "{path} 在检查过程中被改动了；请在文件保存好后重新运行",
        "en": "{path} changed while it was being checked: run again once it is saved",
    },
    "input.stdin_closed": {
        "zh": "标准输入已关闭，没有可读的内容；请给出文件名，或把文件内容接到 plancheck 的标准输入",
        "en": "standard input is closed: give a file name, or pipe the file into plancheck",
    },
    "option.stdin_twice": {
        "zh": "标准输入（-）只能作为一个输入；其余请给出文件名",
        "en": "standard input (-) can be only one of the inputs: give file names for the others",
    },
    # ---- budgets (engine/ingest/budgets.py): an input too big to be a plan
    "budget.input_bytes": {
        "zh": "这不像一份方案：{path} 的文件大小（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the file size of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.part_bytes": {
        "zh": "这不像一份方案：{path}（.docx/.xlsx 压缩包）中一个部件解压后的大小（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the unpacked size of one part of {path} (a .docx/.xlsx zip) ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.unpacked_bytes": {
        "zh": "这不像一份方案：{path}（.docx/.xlsx 压缩包）解压后的总大小（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the total unpacked size of {path} (a .docx/.xlsx zip) ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.pages": {
        "zh": "这不像一份方案：{path} 的页数（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of pages of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.paragraphs": {
        "zh": "这不像一份方案：{path} 的段落（非空行）数（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of paragraphs (non-blank lines) of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.chars": {
        "zh": "这不像一份方案：{path} 的总字数（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of characters of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.paragraph_chars": {
        "zh": "这不像一份方案：{path} 的单个段落的字数（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of characters in one paragraph of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.measures": {
        "zh": "这不像一份方案：{path} 的编号条目数（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of numbered items of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.clauses": {
        "zh": "这不像一份方案：{path} 条目中不同分句的数目（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of distinct clauses in the items of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.depth": {
        "zh": "这不像一份方案：{path} 的HTML 元素嵌套层数（{value}）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the nesting depth of HTML elements of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.frames": {
        "zh": "这不像一份方案：{path} 中 <iframe srcdoc> 内嵌文档的数目（{value}，各层合计）超过上限 {limit}；如确为方案，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a plan: the number of documents in <iframe srcdoc> of {path} ({value}, every level together) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.yaml_bytes": {
        "zh": "这不像一份规则集或豁免文件：{path} 的文件大小（{value}）超过上限 {limit}；如确有需要，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a ruleset or waiver file: the file size of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.yaml_nodes": {
        "zh": "这不像一份规则集或豁免文件：{path} 的展开 YAML 别名后的节点数（{value}）超过上限 {limit}；如确有需要，可用 {option} 或环境变量 {env} 调高",
        "en": "this does not look like a ruleset or waiver file: the number of nodes with YAML aliases expanded of {path} ({value}) is over the limit of {limit}; if it is one, raise it with {option} or {env}",
    },
    "budget.bad": {
        "zh": "预算设置“{name}={value}”无效：应为正整数（大小可带单位，如 80MB）；可设的预算：{known}",
        "en": "bad budget setting '{name}={value}': give a positive whole number (sizes may carry a unit, e.g. 80MB); budgets: {known}",
    },
    "parse.no_measures": {
        "zh": "{path} 中没有找到编号的措施条目（如“一、”“（一）”“1．”“（1）”）；这是一份方案吗？",
        "en": "no numbered measures found in {path} (numbered items such as 1. or (1), or with Chinese numerals): is this a plan?",
    },
    "parse.no_document": {
        "zh": "{path} 只包含 {count} 份文件，没有第 {part} 份；--part 可选 1 到 {count}（{titles}）",
        "en": "{path} holds {count} document(s), not a document {part}: --part takes 1 to {count} ({titles})",
    },
    # ---- rulesets and waivers
    "ruleset.yaml": {
        "zh": "{path}:{line}: YAML 语法错误：{reason}",
        "en": "{path}:{line}: YAML syntax error: {reason}",
    },
    "ruleset.invalid": {
        "zh": "{path}:{line}: 键“{key}”：{reason}",
        "en": "{path}:{line}: key '{key}': {reason}",
    },
    "ruleset.not_found": {"zh": "找不到规则集：{name}", "en": "ruleset not found: {name}"},
    "data.missing": {
        "zh": "缺少随 plancheck 发布的数据文件 {path}：请重新安装 plancheck（安装包带有 rulesets/data）",
        "en": "the data file {path} that ships with plancheck is missing: reinstall plancheck (its package "
        "carries rulesets/data)",
    },
    "ruleset.is_dir": {
        "zh": "规则集 {name} 是文件夹，应为 .yaml 文件", "en": "ruleset {name} is a folder, not a .yaml file",
    },
    "ruleset.not_regular": {
        "zh": "规则集 {name} 不是普通文件（命名管道或设备）；请给出 .yaml 文件本身",
        "en": "ruleset {name} is not a regular file (a named pipe or a device); give the .yaml file itself",
    },
    "ruleset.cycle": {"zh": "规则集 extends 形成循环：{chain}", "en": "rulesets extend each other in a cycle: {chain}"},
    "ruleset.unknown_check": {
        "zh": "{path}:{line}: 规则“{rule}”使用了未知的检查类型“{check}”；可用：{known}",
        "en": "{path}:{line}: rule '{rule}' uses unknown check kind '{check}'; known: {known}",
    },
    "ruleset.duplicate_rule": {
        "zh": "{path}:{line}: 规则编号“{rule}”重复",
        "en": "{path}:{line}: rule id '{rule}' is used twice",
    },
    "ruleset.no_rule": {
        "zh": "没有编号为“{rule}”的规则；已有：{known}",
        "en": "no rule with id '{rule}'; known: {known}",
    },
    "ruleset.no_obligations": {
        "zh": "没有上级方案：请用 --parent 指定上级方案，或用 --ruleset 指定由 plancheck derive 生成的义务规则集",
        "en": "no parent: give --parent PARENT, or --ruleset with an obligation ruleset made by plancheck derive",
    },
    "waivers.invalid": {
        "zh": "{path}:{line}: 豁免条目有误，键“{key}”：{reason}",
        "en": "{path}:{line}: bad waiver, key '{key}': {reason}",
    },
    # ---- baselines (check --baseline, diff)
    "baseline.not_report": {
        "zh": "{path} 不是 plancheck 的 JSON 报告（{reason}）；--baseline 需要此前用 --format json 生成的报告",
        "en": "{path} is not a plancheck JSON report ({reason}); --baseline needs a report written with --format json",
    },
    "baseline.is_diff": {
        "zh": "{path} 是 plancheck diff 的输出，不是检查报告；--baseline 需要此前用 plancheck check --format json 生成的报告",
        "en": "{path} is the output of plancheck diff, not a check report: --baseline needs a report written by plancheck check --format json",
    },
    "baseline.is_sarif": {
        "zh": "{path} 是 SARIF 格式的报告（--format sarif），不是检查报告；--baseline 需要此前用 plancheck check --format json 生成的报告",
        "en": "{path} is a SARIF report (--format sarif), not a check report: --baseline needs a report written by plancheck check --format json",
    },
    "baseline.is_schema": {
        "zh": "{path} 是 JSON 模式文件，不是检查报告；--baseline 需要此前用 plancheck check --format json 生成的报告",
        "en": "{path} is a JSON schema, not a check report: --baseline needs a report written by plancheck check --format json",
    },
    "baseline.is_align": {
        "zh": "{path} 是 plancheck align 的输出，不是检查报告；--baseline 需要此前用 plancheck check --format json 生成的报告",
        "en": "{path} is the output of plancheck align, not a check report: --baseline needs a report written by plancheck check --format json",
    },
    "baseline.is_parse": {
        "zh": "{path} 是 plancheck parse 的输出，不是检查报告；--baseline 需要此前用 plancheck check --format json 生成的报告",
        "en": "{path} is the output of plancheck parse, not a check report: --baseline needs a report written by plancheck check --format json",
    },
    "baseline.is_units": {
        "zh": "{path} 是 plancheck units 的输出，不是检查报告；--baseline 需要此前用 plancheck check --format json 生成的报告",
        "en": "{path} is the output of plancheck units, not a check report: --baseline needs a report written by plancheck check --format json",
    },
    "baseline.other_parent": {
        "zh": "{path} 是对照另一份上级方案“{baseline_parent}”生成的，本次对照的是“{parent}”；请对照同一份上级方案重新生成基线",
        "en": "{path} was made against another parent, '{baseline_parent}', not '{parent}': make the baseline against the same parent",
    },
    "baseline.other_ruleset": {
        "zh": "{path} 使用的规则集（{baseline_rulesets}）与本次（{rulesets}）不同；请用相同的规则集重新生成基线",
        "en": "{path} used other rulesets ({baseline_rulesets}) than this check ({rulesets}): make the baseline with the same rulesets",
    },
    "baseline.old_version": {
        "zh": "{path} 由 plancheck {version} 生成，缺少对照所需的字段（{missing}），无法读取；请用当前版本重新生成基线",
        "en": "{path} was written by plancheck {version} and lacks the fields needed to compare ({missing}): make it again with this version",
    },
    # ---- options
    "option.baseline_one_draft": {
        "zh": "--baseline 和 --only-new 只能用于一份下级方案（本次给了 {n} 份）",
        "en": "--baseline and --only-new work on one draft at a time ({n} given)",
    },
    "option.only_new_needs_baseline": {
        "zh": "--only-new 需要同时用 --baseline 指定此前的报告",
        "en": "--only-new needs --baseline with an earlier report",
    },
    "option.would_overwrite": {
        "zh": "{path} 已存在；如确需覆盖（其中的人工校订将丢失），请加 --force",
        "en": "{path} exists; add --force to overwrite it (curation in it would be lost)",
    },
    # ---- plancheck fix
    "fix.unsupported": {
        "zh": "无法修改 {path}：{format} 文件的文字不能逐字对应回原文件；请提供 .txt、.md 或 .docx 草稿",
        "en": "cannot fix {path}: text read from a {format} file does not map back to it; give a .txt, .md or .docx draft",
    },
    "fix.docx_only": {
        "zh": ".docx 草稿的修改以 Word 修订写入新的 .docx；请用 -o 指定 .docx 文件",
        "en": "a .docx draft's fixes are written as Word tracked changes: give -o a .docx file",
    },
    "fix.unmapped": {
        "zh": "第 {line} 行的修改与原文对不上（文件在检查后被改动？），未写出任何文件",
        "en": "the edit on line {line} does not match the file (changed since it was checked?): nothing written",
    },
    "fix.summary": {
        "zh": "已写入 {path}：应用 {applied} 处修改（{edits} 处文字改动），跳过 {skipped} 处；修改后问题 {before} → {after} 条",
        "en": "wrote {path}: {applied} fixes applied ({edits} text edits), {skipped} skipped; findings {before} -> {after}",
    },
    "fix.none": {
        "zh": "没有可安全应用的修改，未写出文件（草稿保持原样）；可修改的问题 {candidates} 条均已跳过",
        "en": "no fix is safe to apply: nothing written, the draft is unchanged ({candidates} fixable findings skipped)",
    },
    "fix.skipped": {"zh": "  跳过 {where} {rule}：{why}", "en": "  skipped {where} {rule}: {why}"},
    "fix.why.overlap": {"zh": "与另一处修改改动同一段文字", "en": "edits the same words as another fix"},
    "fix.why.new_finding": {
        "zh": "修改后复查出现了原稿没有的问题",
        "en": "re-checking the fixed draft found a problem the draft did not have",
    },
    "fix.why.unmapped": {"zh": "改动位置无法对应到原文件", "en": "the edit cannot be placed in the original file"},
    "option.source_date_epoch": {
        "zh": "环境变量 SOURCE_DATE_EPOCH 应为自 1970 年起的秒数（整数），而不是“{value}”",
        "en": "SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{value}'",
    },
    "option.output_needed": {
        "zh": "格式 {format} 需要用 --output 指定输出文件",
        "en": "format {format} needs --output FILE",
    },
    "option.output_is_input": {
        "zh": "输出文件 {path} 与输入文件相同；plancheck 不会覆盖您的原文件",
        "en": "output {path} is the same file as an input: plancheck never overwrites your original",
    },
    "option.output_twice": {
        "zh": "输出文件 {path} 与 {other} 是同一个文件；每种格式请写入各自的文件",
        "en": "output {path} is the same file as {other}: give each format its own file",
    },
    "output.is_dir": {
        "zh": "无法写入 {path}：这是一个文件夹，请给出文件名",
        "en": "cannot write {path}: it is a directory; give a file name",
    },
    "output.not_regular": {
        "zh": "无法写入 {path}：这是磁盘设备或套接字，不是文件",
        "en": "cannot write {path}: it is a disk device or a socket, not a file",
    },
    "output.no_space": {
        "zh": "无法写入 {path}：磁盘已满；原有文件未改动",
        "en": "cannot write {path}: the disk is full; nothing was changed",
    },
    "output.stdout_closed": {
        "zh": "标准输出已关闭，报告无处可写；请用 -o 指定输出文件",
        "en": "standard output is closed: give -o FILE for the report",
    },
    "output.name_too_long": {
        "zh": "无法写入 {path}：文件名太长",
        "en": "cannot write {path}: the file name is too long",
    },
    "output.unwritable": {
        "zh": "无法写入 {path}：{reason}",
        "en": "cannot write {path}: {reason}",
    },
    "option.batch_format": {
        "zh": "检查多份方案时只输出每份一行的摘要（格式：{known}）；格式 {format} 请逐份检查",
        "en": "a check of several drafts writes one summary line per draft (formats: {known}); check drafts one at a time for {format}",
    },
    "option.jobs": {
        "zh": "-j/--jobs 为 {jobs}，应在 0（按处理器核数）到 {limit} 之间",
        "en": "-j/--jobs is {jobs}; it must be between 0 (one per core) and {limit}",
    },
    "option.format_contradicts": {
        "zh": "输出文件 {output} 的扩展名与 --format {format} 不符（{suffix} 是 {implied} 格式）；请改扩展名或 --format",
        "en": "output {output} does not match --format {format} ({suffix} is the {implied} format): change the name or --format",
    },
    "input.swapped": {
        "zh": "上级方案和下级方案似乎放反了：{reason}。--parent 后应是上级方案，要检查的文件应是下级方案（征求意见稿）",
        "en": "the parent and the draft look swapped: {reason}. --parent takes the parent plan; the file to check is the draft",
    },
    "usage": {"zh": "用法错误：{reason}（{command} --help 查看用法）", "en": "usage: {reason} (see {command} --help)"},
    "usage.choice": {"zh": "{name} 应为 {choices} 之一，而不是“{value}”", "en": "{name} must be one of {choices}, not '{value}'"},
    "usage.no_such_option": {"zh": "没有选项 {name}", "en": "no such option: {name}"},
    "usage.missing": {"zh": "缺少 {name}", "en": "missing {name}"},
    "usage.bad_value": {"zh": "{name} 的值无效：{reason}", "en": "invalid value for {name}: {reason}"},
    "usage.needs_value": {"zh": "选项 {name} 需要一个值", "en": "option {name} needs a value"},
    "usage.extra": {"zh": "多余的参数：{args}", "en": "unexpected extra arguments: {args}"},
    "usage.no_command": {"zh": "没有命令 {name}", "en": "no such command: {name}"},
    "usage.flag_value": {"zh": "选项 {name} 是开关，不带值", "en": "option {name} is a switch and takes no value"},
    "usage.file": {"zh": "无法打开文件 {name}", "en": "cannot open file {name}"},
    "usage.missing_command": {"zh": "缺少命令", "en": "missing command"},
    "usage.other": {"zh": "命令行有误（{detail}）", "en": "{detail}"},
    "batch.worker_died": {
        "zh": "检查多份方案时有工作进程意外退出（可能是内存不足）；请用更小的 -j（现为 {jobs}）重试",
        "en": "a worker process of the batch stopped unexpectedly (out of memory?); try again with a smaller -j (now {jobs})",
    },
    "option.bad_id": {
        "zh": "规则集 id“{id}”不可用：须以英文字母开头，只含英文字母、数字和 _ . -",
        "en": "ruleset id '{id}' is not usable: it must start with a letter and hold only letters, digits, _ . -",
    },
    "option.unknown_format": {"zh": "未知的输出格式：{format}；可用：{known}", "en": "unknown format: {format}; known: {known}"},
    "option.outputs_mismatch": {
        "zh": "--output 的个数（{outputs}）多于 --format 的个数（{formats}）",
        "en": "more --output ({outputs}) than --format ({formats})",
    },
    # ---- plancheck serve
    "web.too_large": {
        "zh": "上传的文件太大（超过 {limit_mb} MB）；请上传方案正文，或由管理员用 --max-upload-mb 放宽限制",
        "en": "upload too large (over {limit_mb} MB): upload the plan's text, or ask the administrator for a larger --max-upload-mb",
    },
    "web.no_draft": {"zh": "请选择要检查的下级方案文件（征求意见稿）", "en": "choose the draft plan to check"},
    "web.no_parent": {
        "zh": "请选择上级方案文件，或从列表中选择一个上级义务规则集",
        "en": "choose the parent plan file, or pick a parent obligation ruleset from the list",
    },
    "web.unknown_ruleset": {"zh": "没有这个上级规则集：{name}", "en": "no such parent ruleset: {name}"},
    "web.bad_form": {"zh": "表单无法读取：{reason}", "en": "the form could not be read: {reason}"},
    "web.expired": {
        "zh": "这份检查结果已不在服务器上（服务器只保留最近的结果），请重新检查",
        "en": "this result is no longer on the server (only recent results are kept): check again",
    },
    "web.timeout": {
        "zh": "检查超过 {seconds} 秒仍未完成，已停止；这份文件不像一份方案，或太大",
        "en": "the check ran over {seconds} s and was stopped: the file is not plan-like, or too large",
    },
    "web.memory": {
        "zh": "检查所需内存超过 {limit_mb} MB，已停止；这份文件不像一份方案，或太大",
        "en": "the check needed more than {limit_mb} MB and was stopped: the file is not plan-like, or too large",
    },
    "web.worker_died": {
        "zh": "检查进程意外退出，已重启；请重试，若仍如此请报告此问题",
        "en": "the checking process ended unexpectedly and was restarted: try again, and report it if it happens again",
    },
    "web.slow_upload": {
        "zh": "上传太慢（{seconds} 秒内未传完），已断开；请检查网络后重试",
        "en": "the upload was too slow (not finished within {seconds} s) and was dropped: check the network and try again",
    },
    "web.cannot_listen": {
        "zh": "无法在 {host}:{port} 上启动网页：{reason}（端口被占用时可换 --port）",
        "en": "cannot serve on {host}:{port}: {reason} (use another --port if it is taken)",
    },
    "web.busy": {
        "zh": "服务器正忙（排队的检查已满），请 {seconds} 秒后再试",
        "en": "the server is busy (the check queue is full): try again in {seconds} s",
    },
    "rules.engine_unknown": {
        "zh": "未知的规则引擎：{name}（可选：{known}）",
        "en": "unknown rules engine: {name} (known: {known})",
    },
    "rules.engine_unavailable": {
        "zh": "规则引擎 {name} 在此 Python 上不可用：{reason}",
        "en": "rules engine {name} is not available on this Python: {reason}",
    },
    "units.one_draft": {
        "zh": "plancheck units 一次列出一份方案的单位（收到 {n} 份）；要由多份方案生成登记表草稿，请加 --registry FILE",
        "en": "plancheck units lists one draft's units (got {n}); to propose registry entries from several plans, add --registry FILE",
    },
    "internal": {
        "zh": "内部错误：{reason}（请用 --debug 重新运行并报告此问题）",
        "en": "internal error: {reason} (run again with --debug and report it)",
    },
}


def message(code: str, lang: str = "zh", **fields: object) -> str:
    """The message for `code` in `lang`, with `fields` filled in; unknown fields stay visible."""
    table = MESSAGES.get(code)
    if table is None:
        return f"{code}: {fields}"
    text = table.get(lang) or table["zh"]
    if lang == "zh" and isinstance(fields.get("reason"), str) and fields["reason"] in _OS_REASONS_ZH:
        fields = {**fields, "reason": _OS_REASONS_ZH[fields["reason"]]}
    return string.Formatter().vformat(text, (), _Defaulting(fields))


# The system's reasons (strerror, in English whatever the locale) that a file cannot be read or
# written, as a Chinese message says them; any other reason is shown as the system gave it.
_OS_REASONS_ZH = {
    os.strerror(code): zh
    for code, zh in (
        (errno.EACCES, "没有权限（只读的位置或文件）"),
        (errno.EPERM, "不允许此操作"),
        (errno.EROFS, "只读的文件系统"),
        (errno.ELOOP, "符号链接循环"),
        (errno.ENOENT, "文件或文件夹不存在"),
        (errno.ENOTDIR, "路径中有一项不是文件夹"),
        (errno.EBUSY, "文件正被占用"),
        (errno.EIO, "读写出错（磁盘或网络故障）"),
        (errno.ENXIO, "设备不存在"),
        (errno.ETXTBSY, "文件正被占用"),
    )
}


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fields_of(template: str) -> set[str]:
    """Names used as {fields} in a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
