/**
 * Geometry of the report's charts, from d3-scale: plain numbers the SVG components draw, so
 * the same charts render on the server (print, PDF, public page) and in the browser. No chart
 * maths here beyond layout; colours are constants, never from plan text.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ProgressReport } from './report';
import type { ProjectStatus } from './statuses';

export const CHART_COLORS = { planned: '#9db4d3', contract: '#f0b35a', disbursed: '#2f6f4f', line: '#b03a2e' } as const;
export const STATUS_COLORS: Record<ProjectStatus, string> = {
	not_started: '#c9c9c9',
	in_progress: '#f0b35a',
	done: '#2f6f4f',
	cancelled: '#b03a2e',
	carried_over: '#6a5acd'
};

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	fill: string;
	/** What the bar is, for a <title> (screen readers, hover). */
	label: string;
}

export interface Tick {
	y: number;
	value: number;
}

export interface BarChart {
	width: number;
	height: number;
	bars: Bar[];
	/** Category labels under each group of bars. */
	labels: { x: number; text: string }[];
	ticks: Tick[];
	plotTop: number;
	plotBottom: number;
	plotLeft: number;
}

const W = 640;
const H = 260;
const M = { top: 16, right: 12, bottom: 40, left: 72 };

/** Planned, contracted and disbursed budget per strategy (baht), as grouped bars. */
export function strategyBars(report: ProgressReport, strategyLabel: (no: number) => string): BarChart {
	const x = scaleBand<string>()
		.domain(report.strategies.map((s) => s.strategyId))
		.range([M.left, W - M.right])
		.padding(0.25);
	const kinds = ['planned', 'contract', 'disbursed'] as const;
	const inner = scaleBand<string>().domain(kinds).range([0, x.bandwidth()]).padding(0.08);
	const max = Math.max(1, ...report.strategies.map((s) => s.budgetSatang / 100));
	const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
	const bars = report.strategies.flatMap((s) =>
		kinds.map((k) => {
			const baht = (k === 'planned' ? s.budgetSatang : k === 'contract' ? s.contractSatang : s.disbursedSatang) / 100;
			return { x: x(s.strategyId)! + inner(k)!, y: y(baht), width: inner.bandwidth(), height: y(0) - y(baht), fill: CHART_COLORS[k], label: `${strategyLabel(s.no)} ${k} ${baht}` };
		})
	);
	return {
		width: W,
		height: H,
		bars,
		labels: report.strategies.map((s) => ({ x: x(s.strategyId)! + x.bandwidth() / 2, text: strategyLabel(s.no) })),
		ticks: y.ticks(5).map((value) => ({ y: y(value), value })),
		plotTop: M.top,
		plotBottom: H - M.bottom,
		plotLeft: M.left
	};
}

export interface MonthChart extends BarChart {
	/** The plan's cumulative schedule, as polyline points "x,y x,y …". */
	plannedLine: string;
}

/** Disbursed by month (bars, cumulative) against what the plan's month grid schedules (line). */
export function monthChart(report: ProgressReport, monthLabel: (month: number) => string): MonthChart {
	const x = scaleBand<number>()
		.domain(report.months.map((_, i) => i))
		.range([M.left, W - M.right])
		.padding(0.3);
	const max = Math.max(1, ...report.months.map((m) => Math.max(m.plannedSatang, m.disbursedSatang) / 100));
	const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
	return {
		width: W,
		height: H,
		bars: report.months.map((m, i) => ({
			x: x(i)!,
			y: y(m.disbursedSatang / 100),
			width: x.bandwidth(),
			height: y(0) - y(m.disbursedSatang / 100),
			fill: CHART_COLORS.disbursed,
			label: `${monthLabel(m.month)} ${m.disbursedSatang / 100}`
		})),
		plannedLine: report.months.map((m, i) => `${(x(i)! + x.bandwidth() / 2).toFixed(1)},${y(m.plannedSatang / 100).toFixed(1)}`).join(' '),
		labels: report.months.map((m, i) => ({ x: x(i)! + x.bandwidth() / 2, text: monthLabel(m.month) })),
		ticks: y.ticks(5).map((value) => ({ y: y(value), value })),
		plotTop: M.top,
		plotBottom: H - M.bottom,
		plotLeft: M.left
	};
}

/** Status breakdown as one 100 % bar; widths from the counts. */
export function statusBar(report: ProgressReport): { width: number; height: number; segments: (Bar & { status: ProjectStatus; pct: string })[] } {
	const total = report.statuses.reduce((s, x) => s + x.count, 0);
	const x = scaleLinear().domain([0, Math.max(1, total)]).range([0, W]);
	let at = 0;
	const segments = report.statuses.map((s) => {
		const bar = { x: x(at), y: 0, width: x(at + s.count) - x(at), height: 28, fill: STATUS_COLORS[s.status], label: `${s.status} ${s.count}`, status: s.status, pct: s.pct };
		at += s.count;
		return bar;
	});
	return { width: W, height: 28, segments };
}
