/** Runs html-validate, the HTML checker, over built pages. */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as <meta ... />; both forms are valid HTML.
    'void-style': 'off',
  },
});

/** The problems html-validate finds in a file, as "file:line rule message" lines. */
export async function htmlProblems(file: string): Promise<string[]> {
  const report = await validator.validateFile(file);
  return report.results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId} ${m.message}`));
}
