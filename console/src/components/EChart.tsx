import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * ECharts arrives the first time a chart is drawn, not with the page that holds it (an aid officer opening the
 * applications does not wait for it): its own long-cached chunk (vite.config.ts). Only the charts the console draws,
 * a smaller bundle than all of ECharts.
 */
let loaded: Promise<typeof import('echarts/core').init> | undefined;
function loadECharts() {
  loaded ??= (async () => {
    const { init, use } = await import('echarts/core');
    const { BarChart, PieChart } = await import('echarts/charts');
    const { GridComponent, LegendComponent, TooltipComponent, TitleComponent } = await import('echarts/components');
    const { CanvasRenderer } = await import('echarts/renderers');
    use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer]);
    return init;
  })();
  return loaded;
}

/** An ECharts chart that follows its container's size (phone or office screen). */
export function EChart({ option, height = 300, testId }: { option: EChartsCoreOption; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cleanup: (() => void) | undefined;
    let gone = false;
    void loadECharts().then((init) => {
      if (gone) return;
      const chart = init(element);
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(element);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      gone = true;
      cleanup?.();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
