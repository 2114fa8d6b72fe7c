// Starts `ephemera lsp` for Terraform, CloudFormation and SAM files and restarts it when
// its path or arguments change; the other settings are sent to the running server.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function serverSettings(config: vscode.WorkspaceConfiguration) {
  return {
    minSeverity: config.get<string | null>('minSeverity', null),
    disabledRules: config.get<string[]>('disabledRules', []),
    debounceMs: config.get<number | null>('debounceMs', null),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('ephemera');
  // ephemera.path and ephemera.args are restricted settings (package.json): in an untrusted
  // workspace VS Code returns the user's values only, so a cloned repository cannot choose the program.
  const serverOptions: ServerOptions = {
    command: config.get<string>('path', 'ephemera'),
    args: config.get<string[]>('args', ['lsp']),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.{tf,tf.json,tfvars,tfvars.json,template}' },
      { scheme: 'file', language: 'terraform' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
    ],
    initializationOptions: serverSettings(config),
    synchronize: {
      configurationSection: 'ephemera',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.tf,*.tf.json,*.tfvars,*.yaml,*.yml,*.json,*.template,.ephemera.yaml,.ephemera.yml}'),
    },
  };
  client = new LanguageClient('ephemera', 'ephemera', serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('ephemera.restart', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('ephemera.path') || event.affectsConfiguration('ephemera.args')) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export function deactivate(): Promise<void> {
  return stop();
}
