import { z } from 'zod';
import { operationTimeSchema } from '../operations/operation-time';
import { deploymentSettingsSchema } from '../model/site-objects';

/**
 * The deployment operations' shapes (zod) and limits, apart from the operations themselves: the console's contracts
 * and forms read these, and must not load the rules that apply them.
 */
export const MAX_TEMPLATE_NAME = 100;
export const MAX_DEPLOYMENT_NAME = 256;
export const MAX_DESCRIPTION = 256;
export const TEMPLATE_ID_PATTERN = /^DT\d{6}$/;
export const DEPLOYMENT_ID_PATTERN = /^\d{1,9}$/;
export const PACKAGE_ID_PATTERN = /^CEN\d{5}$/;

/** A UNC path such as \\CEN-SMS01\Updates\December (a package source, a download location). */
const uncPathSchema = z
  .string()
  .max(260, 'the path must be at most 260 characters')
  .regex(/^\\\\[^\\/:*?"<>|\s]+\\[^/:*?"<>|]+/, 'the path must be a UNC path such as \\\\CEN-SMS01\\Updates');

const newPackageSchema = z.strictObject({
  kind: z.literal('new'),
  /** Written by the server so the log replays to the same IDs. */
  id: z.string().regex(PACKAGE_ID_PATTERN).optional(),
  name: z.string(),
  description: z.string(),
  sourcePath: uncPathSchema,
});

export const deploymentPackageChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), id: z.string() }),
  newPackageSchema,
]);
export type DeploymentPackageChoice = z.infer<typeof deploymentPackageChoiceSchema>;

export const downloadLocationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('internet') }),
  z.strictObject({ kind: z.literal('network'), path: uncPathSchema }),
]);

/** Settings as a request carries them: a field they do not take is refused, not dropped. */
const strictSettingsSchema = deploymentSettingsSchema.strict();

export const createDeploymentTemplateOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('create-deployment-template'),
  id: z.string().regex(TEMPLATE_ID_PATTERN).optional(),
  name: z.string(),
  description: z.string(),
  settings: strictSettingsSchema,
  by: z.string(),
});

export const updateDeploymentTemplateOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('update-deployment-template'),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  settings: strictSettingsSchema,
  by: z.string(),
});

export const deleteDeploymentTemplateOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('delete-deployment-template'),
  id: z.string(),
  by: z.string(),
});

export const createDeploymentOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('create-deployment'),
  id: z.string().regex(DEPLOYMENT_ID_PATTERN).optional(),
  name: z.string(),
  description: z.string(),
  updateIds: z.array(z.string()),
  templateId: z.string().nullable(),
  settings: strictSettingsSchema,
  /** Null: as soon as possible (the time it is made). */
  availableTime: z.iso.datetime().nullable(),
  /** Null: no deadline (the updates are optional). */
  deadline: z.iso.datetime().nullable(),
  deploymentPackage: deploymentPackageChoiceSchema.nullable(),
  downloadFrom: downloadLocationSchema,
  languages: z.array(z.string()),
  /** The administrator confirmed deploying LEGACY updates ("should not be deployed"). */
  acknowledgeLegacy: z.boolean(),
  /** "Save these settings as a template" at the end of the wizard. */
  saveAsTemplate: z
    .strictObject({ id: z.string().regex(TEMPLATE_ID_PATTERN).optional(), name: z.string(), description: z.string() })
    .nullable(),
  by: z.string(),
});

export const disableDeploymentSms2003OperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('disable-deployment-sms2003'),
  id: z.string(),
  by: z.string(),
});

export const DEPLOYMENT_OPERATION_SCHEMAS = [
  createDeploymentTemplateOperationSchema,
  updateDeploymentTemplateOperationSchema,
  deleteDeploymentTemplateOperationSchema,
  createDeploymentOperationSchema,
  disableDeploymentSms2003OperationSchema,
] as const;

export type CreateDeploymentTemplateOperation = z.infer<typeof createDeploymentTemplateOperationSchema>;
export type UpdateDeploymentTemplateOperation = z.infer<typeof updateDeploymentTemplateOperationSchema>;
export type CreateDeploymentOperation = z.infer<typeof createDeploymentOperationSchema>;
export type DeploymentOperation =
  | CreateDeploymentTemplateOperation
  | UpdateDeploymentTemplateOperation
  | z.infer<typeof deleteDeploymentTemplateOperationSchema>
  | CreateDeploymentOperation
  | z.infer<typeof disableDeploymentSms2003OperationSchema>;

export const DEPLOYMENT_OPERATION_TYPES: ReadonlySet<string> = new Set(
  DEPLOYMENT_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);
