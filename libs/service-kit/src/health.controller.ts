import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthReport, ServiceRuntime } from './runtime';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @Get('health')
  @ApiOkResponse({ description: 'Postgres, Kafka, the outbox relay and the consumers are up' })
  @ApiServiceUnavailableResponse({ description: 'Something the service needs is down; the body says what' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.runtime.health();
    reply.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
