import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: 'eu-west-1' });

export async function getObject(Bucket: string, Key: string, signal: AbortSignal) {
  return s3.send(new GetObjectCommand({ Bucket, Key }));
}
