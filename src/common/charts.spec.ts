import { barChart, funnelChart, lineChart } from './charts';

describe('charts', () => {
  it('draws bars in proportion to the largest, with each value and label as text', () => {
    const chart = barChart([
      { label: '0–5', value: 2 },
      { label: '5–10', value: 4 },
      { label: '10–15', value: 0 },
    ]);
    expect(chart.rects.map((r) => r.height)).toEqual([98, 196, 0]);
    // The bars stand on one base line.
    expect(new Set(chart.rects.map((r) => r.y + r.height)).size).toBe(1);
    expect(chart.texts.map((t) => t.text)).toEqual(['2', '0–5', '4', '5–10', '0', '10–15']);
    expect(chart.description).toBe('0–5: 2; 5–10: 4; 10–15: 0');
    expect(chart.rows).toEqual([
      { label: '0–5', valueText: '2' },
      { label: '5–10', valueText: '4' },
      { label: '10–15', valueText: '0' },
    ]);
  });

  it('draws bars on a fixed scale when given one: shares of a target up to 100', () => {
    const chart = barChart(
      [
        { label: 'a', value: 50 },
        { label: 'b', value: 25 },
      ],
      { max: 100 },
    );
    expect(chart.rects.map((r) => r.height)).toEqual([98, 49]);
  });

  it('draws nothing taller than the plot when every value is zero, and no bars without data', () => {
    expect(barChart([{ label: 'a', value: 0 }]).rects[0].height).toBe(0);
    expect(barChart([]).rects).toEqual([]);
  });

  it('puts a line chart on a fixed scale: 100 % at the top grid line, 0 on the axis, points left to right', () => {
    const chart = lineChart(
      [
        { label: '10.09.', value: 100, valueText: '100 %' },
        { label: '17.09.', value: 50, valueText: '50 %' },
        { label: '24.09.', value: 0, valueText: '0 %' },
      ],
      { unit: ' %' },
    );
    const grid = chart.lines.map((l) => l.y1);
    const [a, b, c] = chart.dots;
    expect(a.cy).toBe(Math.min(...grid));
    expect(c.cy).toBe(Math.max(...grid));
    expect(b.cy).toBe(Math.round((a.cy + c.cy) / 2));
    expect(a.cx).toBeLessThan(b.cx);
    expect(b.cx).toBeLessThan(c.cx);
    expect(chart.polyline).toBe(`${a.cx},${a.cy} ${b.cx},${b.cy} ${c.cx},${c.cy}`);
    expect(chart.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['0 %', '50 %', '100 %', '10.09.', '24.09.']));
    expect(chart.description).toBe('10.09.: 100 %; 17.09.: 50 %; 24.09.: 0 %');
  });

  it('keeps values above the scale on the top line and labels only some points when there are many', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ label: `S${i + 1}`, value: 150 }));
    const chart = lineChart(many);
    expect(new Set(chart.dots.map((d) => d.cy)).size).toBe(1);
    const labels = chart.texts.filter((t) => t.text.startsWith('S'));
    expect(labels.length).toBeLessThanOrEqual(9);
    expect(labels.at(-1)?.text).toBe('S40');
  });

  it('draws a funnel: each bar as long as its share of the first, widest at the top', () => {
    const chart = funnelChart([
      { label: 'Uzņemti', value: 20 },
      { label: 'Apmeklējums izpildīts', value: 15 },
      { label: 'Pabeiguši', value: 5 },
    ]);
    const [all, attended, completed] = chart.rects.map((r) => r.width);
    expect(attended / all).toBeCloseTo(0.75, 2);
    expect(completed / all).toBeCloseTo(0.25, 2);
    expect(chart.rects[0].y).toBeLessThan(chart.rects[1].y);
    expect(chart.texts.map((t) => t.text)).toEqual(['Uzņemti', '20', 'Apmeklējums izpildīts', '15', 'Pabeiguši', '5']);
  });

  it('shortens a long label under a bar and keeps it whole in the table', () => {
    const long = 'Ļoti garš nodarbības nosaukums, kas neietilpst zem stabiņa';
    const chart = barChart(Array.from({ length: 12 }, () => ({ label: long, value: 1 })));
    expect(chart.texts[1].text.endsWith('…')).toBe(true);
    expect(chart.rows[0].label).toBe(long);
  });
});
