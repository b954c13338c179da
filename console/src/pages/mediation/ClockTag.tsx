import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n';
import { CLOCK_COLOUR, clockStage } from './clock';

/** Days left on the statutory clock, coloured as the 15 days run out. */
export function ClockTag({ clock }: { clock: Schemas['mediation.ClockView'] }) {
  const { t } = useI18n();
  const stage = clockStage(clock);
  return (
    <Tooltip title={`${t.mdLimitEndsOn} ${clock.limitEndsOn}`}>
      <Tag color={CLOCK_COLOUR[stage]} icon={<ClockCircleOutlined />} data-testid="case-clock" data-stage={stage}>
        {stage === 'lapsed' ? t.mdLapsed : `${t.mdDaysLeft} ${clock.daysLeft} ${t.mdDays}`}
      </Tag>
    </Tooltip>
  );
}
