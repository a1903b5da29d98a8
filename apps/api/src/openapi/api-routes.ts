/**
 * Every HTTP route of the API, with its contract schemas: the source of /api/openapi.json, and the
 * table the authorization-matrix test checks against the routes Nest actually serves.
 */
import {
  ZAuditEntry,
  ZAuditQuery,
  ZClassificationCreate,
  ZComparisonQuery,
  ZComparisonView,
  ZHealth,
  ZIndicator,
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZPlanCreate,
  ZPlanDetail,
  ZPlanQuery,
  ZPlanSummary,
  ZPlanUpdate,
  ZProvince,
  ZRankingQuery,
  ZRankingView,
  ZResultImportReport,
  ZResultQuery,
  ZResultReturn,
  ZResultUpsert,
  ZResultView,
  ZUnitCreate,
  ZUnitListItem,
  ZUnitQuery,
  ZUnitUpdate,
  ZUnitWithClassifications,
  ZCascadeIssue,
} from '@commune-bench/domain';
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch';

export interface ApiRoute {
  method: HttpMethod;
  /** Express-style path under /api, e.g. `/units/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** false: no bearer token needed. */
  auth: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  /** multipart upload with a `file` field */
  upload?: boolean;
  response?: z.ZodType;
  /** A file download (content type). */
  produces?: string;
}

const ZVersion = z.strictObject({ version: z.number().int().min(1).optional() });
const ZCascade = z.object({
  planId: z.string(),
  parentPlanId: z.string().nullable(),
  issues: z.array(ZCascadeIssue),
});

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness and database reachability',
    tag: 'system',
    auth: false,
    response: ZHealth,
  },
  {
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in; returns a bearer token',
    tag: 'auth',
    auth: false,
    body: ZLoginRequest,
    response: ZLoginResponse,
  },
  {
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user, role and scope',
    tag: 'auth',
    auth: true,
    response: ZMe,
  },
  {
    method: 'get',
    path: '/indicators',
    summary: 'The indicator catalog',
    tag: 'reference',
    auth: false,
    response: z.array(ZIndicator),
  },
  {
    method: 'get',
    path: '/provinces',
    summary: 'Provinces (34 since 1/7/2025, and former ones)',
    tag: 'reference',
    auth: false,
    response: z.array(ZProvince),
  },
  {
    method: 'get',
    path: '/units',
    summary: 'Units in scope, class judged in `year`, search ignoring diacritics',
    tag: 'units',
    auth: true,
    query: ZUnitQuery,
    response: z.array(ZUnitListItem),
  },
  {
    method: 'get',
    path: '/units/:id',
    summary: 'A unit with its classification history and lineage',
    tag: 'units',
    auth: true,
    response: ZUnitWithClassifications,
  },
  {
    method: 'post',
    path: '/units',
    summary: 'Create a unit (admin)',
    tag: 'units',
    auth: true,
    body: ZUnitCreate,
    response: ZUnitWithClassifications,
  },
  {
    method: 'patch',
    path: '/units/:id',
    summary: 'Change a unit (admin)',
    tag: 'units',
    auth: true,
    body: ZUnitUpdate,
    response: ZUnitWithClassifications,
  },
  {
    method: 'post',
    path: '/units/:id/classifications',
    summary: 'A dated class decision (admin)',
    tag: 'units',
    auth: true,
    body: ZClassificationCreate,
    response: ZUnitWithClassifications,
  },
  {
    method: 'get',
    path: '/plans',
    summary: 'Plans of a unit (or of every unit in scope)',
    tag: 'plans',
    auth: true,
    query: ZPlanQuery,
    response: z.array(ZPlanSummary),
  },
  {
    method: 'get',
    path: '/plans/:id',
    summary: 'A plan with its targets grouped by area and phase',
    tag: 'plans',
    auth: true,
    response: ZPlanDetail,
  },
  {
    method: 'post',
    path: '/plans',
    summary: 'Save a reviewed proposal as a draft plan',
    tag: 'plans',
    auth: true,
    body: ZPlanCreate,
    response: ZPlanDetail,
  },
  {
    method: 'patch',
    path: '/plans/:id',
    summary: 'Edit a plan (optimistic lock on version)',
    tag: 'plans',
    auth: true,
    body: ZPlanUpdate,
    response: ZPlanDetail,
  },
  {
    method: 'post',
    path: '/plans/:id/issue',
    summary: 'Issue (ban hành) a draft plan',
    tag: 'plans',
    auth: true,
    body: z.strictObject({ version: z.number().int().min(1) }),
    response: ZPlanDetail,
  },
  {
    method: 'get',
    path: '/plans/:id/cascade',
    summary: 'Targets weaker than, or missing from, the parent plan',
    tag: 'plans',
    auth: true,
    response: ZCascade,
  },
  {
    method: 'get',
    path: '/results',
    summary: 'Results of units in scope',
    tag: 'results',
    auth: true,
    query: ZResultQuery,
    response: z.array(ZResultView),
  },
  {
    method: 'put',
    path: '/results',
    summary: 'Create a draft or change a value (optimistic lock on version)',
    tag: 'results',
    auth: true,
    body: ZResultUpsert,
    response: ZResultView,
  },
  {
    method: 'post',
    path: '/results/import',
    summary: 'CSV or XLSX of results: all rows or none',
    tag: 'results',
    auth: true,
    upload: true,
    response: ZResultImportReport,
  },
  {
    method: 'post',
    path: '/results/:id/submit',
    summary: 'Submit a draft or returned result',
    tag: 'results',
    auth: true,
    body: ZVersion,
    response: ZResultView,
  },
  {
    method: 'post',
    path: '/results/:id/verify',
    summary: 'Verify a submitted result (reviewer)',
    tag: 'results',
    auth: true,
    body: ZVersion,
    response: ZResultView,
  },
  {
    method: 'post',
    path: '/results/:id/return',
    summary: 'Return a result with a reason (reviewer)',
    tag: 'results',
    auth: true,
    body: ZResultReturn,
    response: ZResultView,
  },
  {
    method: 'get',
    path: '/comparisons',
    summary: 'Targets and attainment of several units side by side',
    tag: 'comparisons',
    auth: true,
    query: ZComparisonQuery,
    response: ZComparisonView,
  },
  {
    method: 'get',
    path: '/rankings',
    summary: 'A league table in a cohort (indicator or composite)',
    tag: 'rankings',
    auth: true,
    query: ZRankingQuery,
    response: ZRankingView,
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', tag: 'system', auth: false },
  {
    method: 'get',
    path: '/docs',
    summary: 'Browsable API documentation',
    tag: 'system',
    auth: false,
    produces: 'text/html',
  },
  {
    method: 'get',
    path: '/docs/init.js',
    summary: 'Documentation page script',
    tag: 'system',
    auth: false,
    produces: 'application/javascript',
  },
  {
    method: 'get',
    path: '/docs/assets/:file',
    summary: 'Documentation page assets',
    tag: 'system',
    auth: false,
    produces: 'application/octet-stream',
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'Audit trail (admin; reviewers for an entity in scope)',
    tag: 'audit',
    auth: true,
    query: ZAuditQuery,
    response: z.array(ZAuditEntry),
  },
];
