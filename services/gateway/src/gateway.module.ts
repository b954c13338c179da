import { Module } from '@nestjs/common';
import { UsersModule } from './users/users.module';
import { DocsController } from './docs/docs.controller';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { GatewayHealthController } from './health/gateway-health.controller';

@Module({
  imports: [UsersModule],
  controllers: [DocsController, GatewayHealthController],
  providers: [OpenApiAggregator],
})
export class GatewayModule {}
