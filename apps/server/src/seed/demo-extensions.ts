import { analysisDemo } from '../features/analyses/analyses.demo.ts';
import { bureauPolicyDemo } from '../features/bureau-policies/bureau-policies.demo.ts';
import { effectDemo } from '../features/effects/effects.demo.ts';
import { initiativeDemo } from '../features/initiatives/initiatives.demo.ts';
import { mailDemo } from '../features/mail/mail.demo.ts';
import { meetingsDemo } from '../features/meetings/meetings.demo.ts';
import { needDemo } from '../features/needs/needs.demo.ts';
import { platinumDemo } from '../features/platinum/platinum.demo.ts';
import type { DemoExtension } from './load-demo-data.ts';

/**
 * Each stream's part of the FY2024 demo data set, loaded in this order after the organisation,
 * clusters and meetings, in the same transaction. A feature adds its loader here.
 */
export const DEMO_EXTENSIONS: DemoExtension[] = [
  bureauPolicyDemo,
  meetingsDemo,
  analysisDemo,
  initiativeDemo,
  effectDemo,
  needDemo,
  platinumDemo,
  mailDemo,
];
