/**
 * The one declaration of `jixiao serve`'s options, in the command-table shape
 * (src/common/command-spec.ts): serve-command.ts parses argv with it and prints its usage from
 * it, and the CLI's command table uses the same object for `jixiao serve --help`, completion and
 * the README, so an option exists everywhere or nowhere. It lives here, not in src/cli, because
 * the service may not import the CLI.
 */
import { DEFAULT_LIMITS } from './limits.js';

export const SERVE_OPTIONS = {
  rules: {
    type: 'string',
    value: { zh: '目录', en: 'DIR' },
    complete: 'dirs',
    help: { zh: '提供服务的 *.ind 文件目录（变动时重新加载）', en: 'folder of *.ind files to serve (reloaded on change)' },
  },
  port: {
    type: 'string',
    value: { zh: '端口', en: 'N' },
    help: { zh: '监听端口（默认 8080；0 为任选空闲端口）', en: 'port to listen on (default 8080; 0 picks a free one)' },
  },
  host: { type: 'string', value: { zh: '地址', en: 'ADDR' }, help: { zh: '绑定地址（默认 127.0.0.1）', en: 'address to bind (default 127.0.0.1)' } },
  token: {
    type: 'string',
    value: { zh: '口令', en: 'SECRET' },
    help: { zh: '要求 Authorization: Bearer <口令>（或环境变量 JIXIAO_TOKEN）', en: 'require Authorization: Bearer <SECRET> (or env JIXIAO_TOKEN)' },
  },
  'decision-log': {
    type: 'string',
    value: { zh: '文件', en: 'FILE' },
    complete: 'files',
    help: { zh: '每次评价及汇总、抽查、分配都追加写入此 NDJSON 文件', en: 'append every evaluation and loop step to this NDJSON file' },
  },
  'decision-log-max-size': {
    type: 'string',
    value: { zh: '大小', en: 'SIZE' },
    help: { zh: '决策日志超过此大小前轮转（如 100mb）', en: 'rotate the decision log before it passes this size (e.g. 100mb)' },
  },
  'decision-log-rotate': {
    type: 'string',
    value: { zh: '周期', en: 'WHEN' },
    choices: ['daily'],
    help: { zh: 'UTC 日期变化时也轮转', en: 'also rotate when the UTC day changes' },
  },
  'max-body': {
    type: 'string',
    value: { zh: '大小', en: 'SIZE' },
    help: { zh: '请求体上限（默认 10mb）', en: 'largest request body, e.g. 10mb, 512kb (default 10mb)' },
  },
  'max-records': {
    type: 'string',
    value: { zh: '数量', en: 'N' },
    help: {
      zh: `每个批量、汇总、抽查或分配请求的记录数上限（默认 ${DEFAULT_LIMITS.maxRecords}）`,
      en: `most records per batch, roll-up, sampling or allocation request (default ${DEFAULT_LIMITS.maxRecords})`,
    },
  },
  'timeout-ms': {
    type: 'string',
    value: { zh: '毫秒', en: 'MS' },
    help: { zh: `每个请求的时限（默认 ${DEFAULT_LIMITS.timeoutMs}）`, en: `time limit per request (default ${DEFAULT_LIMITS.timeoutMs})` },
  },
  'no-watch': { type: 'boolean', help: { zh: '文件变动时不重新加载', en: 'do not reload when files change' } },
} as const;
