"""The errors of files and of the store: writing an output, reading an import, why the system
refused, progress.db and the data directory."""

from __future__ import annotations

# key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
    # Files: writing an output, reading an import.
    "error.empty_output_name": ("the output file name is empty", "输出文件名为空"),
    "error.cannot_write": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "error.cannot_write_no_folder": (
        "cannot write {path}: the folder {folder} does not exist",
        "无法写入 {path}：文件夹 {folder} 不存在",
    ),
    "error.cannot_read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "error.output_is_folder": ("{path} is a folder", "{path} 是一个文件夹"),
    "error.output_is_link": (
        "{path} is a symbolic link; write to the file it points to instead",
        "{path} 是符号链接；请直接写入它指向的文件",
    ),
    "error.output_not_regular": (
        "{path} is not a regular file (a device or a pipe); choose a file name",
        "{path} 不是普通文件（是设备或管道）；请换一个文件名",
    ),
    "error.output_exists": ("{path} exists; add --force to overwrite it", "{path} 已存在；加 --force 覆盖它"),
    # Why the system refused (English: the system's own words, as it gave them).
    "error.os.denied": ("{detail}", "没有权限"),
    "error.os.missing": ("{detail}", "文件或文件夹不存在"),
    "error.os.no_space": ("{detail}", "磁盘空间不足"),
    "error.os.read_only": ("{detail}", "文件系统是只读的"),
    "error.os.is_folder": ("{detail}", "这是一个文件夹"),
    "error.os.not_folder": ("{detail}", "路径中有一部分不是文件夹"),
    "error.os.name_too_long": ("{detail}", "文件名太长"),
    "error.os.not_utf8": ("{detail}", "不是 UTF-8 文本"),
    # Import: the export document.
    "error.import.not_json": (
        "{source} is not JSON: {detail} at line {line}",
        "{source} 不是有效的 JSON（第 {line} 行出错）",
    ),
    "error.import.too_deep": (
        "{source} is nested too deeply to be an infra-roadmap export",
        "{source} 嵌套太深，不是 infra-roadmap 的导出文件",
    ),
    "error.import.not_export": (
        "{source} is not an infra-roadmap export (no 'events' list)",
        "{source} 不是 infra-roadmap 的导出文件（没有 'events' 列表）",
    ),
    "error.import.newer": (
        "{source} was exported by a newer infra-roadmap (format {version})",
        "{source} 由更新版本的 infra-roadmap 导出（格式 {version}）",
    ),
    "error.import.config_not_object": (
        "{source}: 'config' must be an object",
        "{source}：'config' 必须是对象",
    ),
    "error.import.bad_setting": ("{source}: config '{key}': {problem}", "{source}：设置 '{key}'：{problem}"),
    "error.import.event": ("{source}: event {index}", "{source}：第 {index} 条事件"),
    "error.import.field": ("{where}: '{field}'", "{where}的 '{field}'"),
    "error.import.not_object": ("{where} is not an object", "{where}不是对象"),
    "error.import.topic_empty": (
        "{where}: 'topic' must be a non-empty string",
        "{where}：'topic' 必须是非空字符串",
    ),
    "error.import.topic_unsafe": (
        "{where}: 'topic' holds control characters or is too long: '{topic}'",
        "{where}：'topic' 含控制字符或太长：'{topic}'",
    ),
    "error.import.kind": ("{where}: 'kind' must be one of {kinds}", "{where}：'kind' 必须是 {kinds} 之一"),
    "error.import.minutes": (
        "{where}: 'minutes' must be a whole number from 0 to 1440",
        "{where}：'minutes' 必须是 0 到 1440 的整数",
    ),
    "error.import.note": ("{where}: 'note' must be a string or null", "{where}：'note' 必须是字符串或 null"),
    "error.import.rating": (
        "{where}: 'rating' must be 1 (again) to 4 (easy) or null",
        "{where}：'rating' 必须是 1（again）到 4（easy）或 null",
    ),
    "error.import.review_rating": (
        "{where}: a review needs a 'rating' from 1 (again) to 4 (easy)",
        "{where}：复习需要 'rating'，取 1（again）到 4（easy）",
    ),
    "error.import.uid": ("{where}: 'uid' must be a non-empty string", "{where}：'uid' 必须是非空字符串"),
    "error.import.time_type": (
        "{where} must be an ISO 8601 date-time with an offset",
        "{where} 必须是带时区偏移的 ISO 8601 时间",
    ),
    "error.import.time_form": (
        "{where} must be an ISO 8601 date-time with an offset, not '{value}'",
        "{where} 必须是带时区偏移的 ISO 8601 时间，而不是 '{value}'",
    ),
    "error.import.time_no_offset": ("{where} has no UTC offset: {value}", "{where} 没有 UTC 偏移：{value}"),
    "error.import.time_years": (
        "{where} is outside the years {first}-{last}: {value}",
        "{where} 不在 {first}-{last} 年之间：{value}",
    ),
    # progress.db and the data directory.
    "error.db.unreadable": ("{path} is not a readable progress database", "{path} 不是可读的进度数据库"),
    "error.db.unreadable_why": (
        "{path} is not a readable progress database ({detail})",
        "{path} 不是可读的进度数据库（{detail}）",
    ),
    "error.db.newer": (
        (
            "{path} was written by a newer infra-roadmap (schema v{version}; this version knows up to "
            "v{latest}); upgrade infra-roadmap to use it"
        ),
        (
            "{path} 由更新版本的 infra-roadmap 写入（数据库版本 v{version}，本版本最高支持 v{latest}）；"
            "请升级 infra-roadmap 后再用"
        ),
    ),
    "error.db.locked": (
        (
            "{path} stayed locked by another roadmap process for {seconds} s; "
            "nothing was written: try again when it has finished"
        ),
        "{path} 被另一个 roadmap 进程锁住了 {seconds} 秒，没有写入任何内容：等它结束后再试",
    ),
    "error.db.cannot_write_nothing_written": (
        "cannot write {path}: {detail}; nothing was written",
        "无法写入 {path}：{detail}；没有写入任何内容",
    ),
    "error.db.other": ("{path}: {detail}", "{path}：{detail}"),
    "error.db.not_a_database": ("{detail}", "这个文件不是数据库"),
    "error.db.malformed": ("{detail}", "数据库文件已损坏"),
    "error.db.read_only": ("{detail}", "数据库是只读的"),
    "error.db.cannot_open": ("{detail}", "无法打开数据库文件"),
    "error.db.disk_full": ("{detail}", "磁盘已满"),
    "error.db.disk_io": ("{detail}", "磁盘读写出错"),
    "error.db.other_tables": ("it holds other tables", "里面是别的程序的表"),
    "error.db.folder": ("it is a folder", "它是一个文件夹"),
    "error.db.dangling_link": ("it is a link to nothing", "它是指向不存在文件的链接"),
    "error.db.not_regular": ("it is not a regular file", "它不是普通文件"),
    "error.db.damaged_setting": ("a setting is damaged: {detail}", "有一项设置已损坏"),
    "error.db.backup_unverified": (
        "the backup of {path} did not verify; nothing was migrated",
        "{path} 的备份没有通过校验，没有做任何升级",
    ),
    "error.db.backup_failed": (
        "cannot back up {path} before upgrading it ({detail}); nothing was changed",
        "升级前无法备份 {path}（{detail}），没有做任何改动",
    ),
    "error.data_dir.not_folder": (
        "cannot use data directory {folder}: {what}, not a folder",
        "无法使用数据目录 {folder}：{what}，不是文件夹",
    ),
    "error.data_dir.file_in_path": (
        "cannot use data directory {folder}: a part of its path is a file",
        "无法使用数据目录 {folder}：路径中有一部分是文件",
    ),
    "error.data_dir.cannot_create": (
        "cannot create data directory {folder}: {reason}",
        "无法创建数据目录 {folder}：{reason}",
    ),
    "error.data_dir.unreachable": ("it cannot be reached", "无法访问"),
    "error.data_dir.device": ("it is a device", "它是一个设备"),
    "error.data_dir.pipe": ("it is a pipe or socket", "它是管道或套接字"),
    "error.data_dir.file": ("it is a file", "它是一个文件"),
}
