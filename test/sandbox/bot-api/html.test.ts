// Telegram's HTML style: which tags become which entities, with UTF-16 offsets.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../../src/sandbox/bot-api/html.js";

describe("parseHtml", () => {
  it("turns every supported tag into its entity", () => {
    const { text, entities } = parseHtml(
      '<b>b</b><i>i</i><u>u</u><s>s</s><tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span>' +
        '<code>c</code><pre><code class="language-ts">x</code></pre><blockquote expandable>e</blockquote>',
    );

    expect(text).toBe("biuspqcxe");
    expect(entities.map((e) => [e.type, e.offset, e.length, e.language])).toEqual([
      ["bold", 0, 1, undefined],
      ["italic", 1, 1, undefined],
      ["underline", 2, 1, undefined],
      ["strikethrough", 3, 1, undefined],
      ["spoiler", 4, 1, undefined],
      ["spoiler", 5, 1, undefined],
      ["code", 6, 1, undefined],
      ["pre", 7, 1, "ts"],
      ["expandable_blockquote", 8, 1, undefined],
    ]);
  });

  it("counts offsets in UTF-16 code units and decodes entities", () => {
    const { text, entities } = parseHtml("👍 &amp; <b>东门&#x793E;区</b>");

    expect(text).toBe("👍 & 东门社区");
    expect(entities).toEqual([{ type: "bold", offset: 5, length: 4 }]);
  });

  it("nests entities and drops empty ones", () => {
    const { entities } = parseHtml('<b>a<i>b</i></b><b></b><a href="https://t.me/bot?start=d_QS">c</a>');

    expect(entities).toEqual([
      { type: "bold", offset: 0, length: 2 },
      { type: "italic", offset: 1, length: 1 },
      { type: "text_link", offset: 2, length: 1, url: "https://t.me/bot?start=d_QS" },
    ]);
  });

  it.each(["<script>x</script>", "<br>", "<!-- note -->", "<p>x</p>"])("rejects %j", (html) => {
    expect(() => parseHtml(html)).toThrow(/can't parse entities/);
  });
});
