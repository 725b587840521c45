import { display, numeric, type CellValue, type ValueKind } from "./format";
import { h, svg, uid } from "./dom";

/**
 * Hand-written SVG charts: an image with a title and a description (role="img", aria-labelledby),
 * a legend in HTML, and the table with every value beside it. Series are told apart by fill and
 * pattern, not by colour alone; colours have at least 3:1 contrast against white (WCAG 1.4.11).
 */
export interface Series {
  name: string;
  values: CellValue[];
  /** "bar" (default) or "line" (e.g. a budget drawn over the bars). */
  style?: "bar" | "line";
}

export interface ChartSpec {
  title: string;
  /** What the chart shows in words, for the description (the largest values are added). */
  summary: string;
  categories: string[];
  series: Series[];
  kind: ValueKind;
  /** "horizontal" bars for named categories; "columns" for months left to right. */
  orientation: "horizontal" | "columns";
}

const COLOURS = ["#1d4f91", "#a34a00", "#2e6b30"]; // 8.6:1, 5.6:1, 6.2:1 against white
const WIDTH = 640;

function scaleMax(values: number[]): number {
  const max = Math.max(0, ...values);
  if (max === 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function shortValue(v: number, kind: ValueKind): string {
  if (kind === "kronor" && Math.abs(v) >= 1_000_000) return `${(v / 1_000_000).toFixed(1).replace(".", ",")} mnkr`;
  if (kind === "kronor" && Math.abs(v) >= 10_000) return `${Math.round(v / 1000)} tkr`;
  return display(v, kind === "kronor" ? "count" : kind);
}

function description(spec: ChartSpec): string {
  const parts = spec.series.map((s) => {
    let best = -1;
    s.values.forEach((v, i) => {
      const n = numeric(v);
      if (n !== null && (best < 0 || n > numeric(s.values[best])!)) best = i;
    });
    const hidden = s.values.filter((v) => v === null).length;
    return (
      (best >= 0
        ? `${s.name}: högst ${display(s.values[best], spec.kind)} (${spec.categories[best]}).`
        : `${s.name}: inga visade värden.`) + (hidden ? ` ${hidden} värden är dolda av röjandekontroll.` : "")
    );
  });
  return `${spec.summary} ${parts.join(" ")} Alla värden finns i tabellen.`;
}

function patterns(id: string): SVGElement {
  return svg(
    "defs",
    {},
    svg(
      "pattern",
      { id: `${id}-stripes`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 6, height: 6, fill: "#ffffff" }),
      svg("rect", { width: 3, height: 6, fill: COLOURS[1] }),
    ),
  );
}

function fillFor(index: number, id: string): string {
  return index === 1 ? `url(#${id}-stripes)` : COLOURS[index % COLOURS.length];
}

function horizontal(spec: ChartSpec, id: string): SVGElement[] {
  const bars = spec.series.filter((s) => s.style !== "line");
  const labelWidth = 250;
  const barHeight = 16;
  const group = bars.length * barHeight + 10;
  const height = spec.categories.length * group + 30;
  const max = scaleMax(bars.flatMap((s) => s.values.map(numeric).filter((n): n is number => n !== null)));
  const plot = WIDTH - labelWidth - 90;
  const items: SVGElement[] = [];
  spec.categories.forEach((cat, ci) => {
    const y0 = ci * group + 10;
    items.push(
      svg(
        "text",
        { x: labelWidth - 8, y: y0 + (bars.length * barHeight) / 2 + 4, "text-anchor": "end", class: "label" },
        cat.length > 36 ? `${cat.slice(0, 35)}…` : cat,
      ),
    );
    bars.forEach((s, si) => {
      const y = y0 + si * barHeight;
      const n = numeric(s.values[ci]);
      if (s.values[ci] === null) {
        items.push(
          svg("rect", { x: labelWidth, y: y + 2, width: 24, height: barHeight - 4, class: "hidden-bar" }),
          svg("text", { x: labelWidth + 30, y: y + barHeight - 4, class: "value" }, "dolt"),
        );
        return;
      }
      if (n === null) {
        items.push(svg("text", { x: labelWidth + 6, y: y + barHeight - 4, class: "value" }, "–"));
        return;
      }
      const w = Math.max(0, (n / max) * plot);
      items.push(
        svg("rect", {
          x: labelWidth,
          y: y + 2,
          width: w,
          height: barHeight - 4,
          fill: fillFor(si, id),
          stroke: COLOURS[si % COLOURS.length],
        }),
        svg("text", { x: labelWidth + w + 6, y: y + barHeight - 4, class: "value" }, shortValue(n, spec.kind)),
      );
    });
  });
  items.push(svg("line", { x1: labelWidth, x2: labelWidth, y1: 5, y2: height - 20, class: "axis" }));
  return [svg("g", { "data-height": height }, ...items)];
}

function columns(spec: ChartSpec, id: string): SVGElement[] {
  const bars = spec.series.filter((s) => s.style !== "line");
  const lines = spec.series.filter((s) => s.style === "line");
  const left = 70;
  const top = 10;
  const plotH = 200;
  const plotW = WIDTH - left - 10;
  const all = spec.series.flatMap((s) => s.values.map(numeric).filter((n): n is number => n !== null));
  const max = scaleMax(all);
  const slot = plotW / Math.max(1, spec.categories.length);
  const barW = Math.max(2, (slot * 0.7) / Math.max(1, bars.length));
  const y = (n: number) => top + plotH - (Math.max(0, n) / max) * plotH;
  const items: SVGElement[] = [];
  for (const tick of [0, 0.5, 1]) {
    const v = max * tick;
    if (spec.kind === "count" && !Number.isInteger(v)) continue;
    items.push(
      svg("line", { x1: left, x2: WIDTH - 10, y1: y(v), y2: y(v), class: "grid" }),
      svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", class: "value" }, shortValue(v, spec.kind)),
    );
  }
  spec.categories.forEach((cat, ci) => {
    const x0 = left + ci * slot + slot * 0.15;
    bars.forEach((s, si) => {
      const n = numeric(s.values[ci]);
      const x = x0 + si * barW;
      if (s.values[ci] === null) {
        items.push(svg("rect", { x, y: top + plotH - 12, width: barW - 1, height: 12, class: "hidden-bar" }));
        return;
      }
      if (n === null) return;
      items.push(
        svg("rect", {
          x,
          y: y(n),
          width: barW - 1,
          height: top + plotH - y(n),
          fill: fillFor(si, id),
          stroke: COLOURS[si % COLOURS.length],
        }),
      );
    });
    items.push(
      svg(
        "text",
        { x: left + ci * slot + slot / 2, y: top + plotH + 16, "text-anchor": "middle", class: "label" },
        cat,
      ),
    );
  });
  lines.forEach((s, li) => {
    const points = s.values
      .map((v, ci) => (numeric(v) === null ? null : `${left + ci * slot + slot / 2},${y(numeric(v)!)}`))
      .filter((p): p is string => p !== null);
    items.push(
      svg("polyline", {
        points: points.join(" "),
        fill: "none",
        stroke: COLOURS[(li + 2) % COLOURS.length],
        "stroke-width": 3,
        "stroke-dasharray": "8 4",
      }),
    );
  });
  items.push(svg("line", { x1: left, x2: WIDTH - 10, y1: top + plotH, y2: top + plotH, class: "axis" }));
  return [svg("g", { "data-height": top + plotH + 26 }, ...items)];
}

export function renderChart(spec: ChartSpec): HTMLElement {
  const id = uid("diagram");
  const body = spec.orientation === "horizontal" ? horizontal(spec, id) : columns(spec, id);
  const height = Number(body[0].getAttribute("data-height"));
  const chart = svg(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      class: "chart",
    },
    svg("title", { id: `${id}-title` }, spec.title),
    svg("desc", { id: `${id}-desc` }, description(spec)),
    patterns(id),
    ...body,
  );
  const legend = h(
    "ul",
    { class: "legend", "aria-label": "Teckenförklaring" },
    ...spec.series.map((s, i) =>
      h(
        "li",
        {},
        h("span", {
          class: `swatch ${s.style === "line" ? "swatch-line" : `swatch-${i}`}`,
          "aria-hidden": "true",
        }),
        s.name,
      ),
    ),
    spec.series.some((s) => s.values.includes(null))
      ? h("li", {}, h("span", { class: "swatch swatch-hidden", "aria-hidden": "true" }), "dolt värde")
      : null,
  );
  return h("figure", { class: "chart-figure" }, chart, h("figcaption", {}, spec.title), legend);
}
