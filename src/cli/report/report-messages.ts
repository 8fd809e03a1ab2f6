/**
 * What `jixiao report` itself says about its document options, on the one catalogue shape: the
 * missing-browser message of `--pdf` (printed in both languages at once — whoever reads it may
 * not be whoever set the locale), a narrative file of the wrong shape, and `--pdf` without a
 * folder to write into.
 */
import { defineCatalogue } from '../../common/catalogue.js';

export const REPORT_CLI_MESSAGES = defineCatalogue('report-cli', {
  noChromium: {
    zh: '未找到可用于导出 PDF 的 Chromium 浏览器（已查找：{where}）。请安装 Chromium，或以环境变量 CHROME_PATH 指明浏览器路径；去掉 --pdf 可只输出 HTML 和 Markdown。',
    en: 'no Chromium found to print PDF (looked at: {where}). Install Chromium or set CHROME_PATH to the browser; without --pdf the reports are written as HTML and Markdown only.',
  },
  narrativeShape: {
    zh: '{file}：应为含 issuer、date 与 projects（按项目编号）的对象',
    en: '{file}: expected an object with issuer, date and projects (by record id)',
  },
  pdfNeedsDir: { zh: '--pdf 需要写入文件：请给出 --out 目录', en: '--pdf writes files: give --out DIR' },
});
