// electron-builder hook (msiProjectCreated): lets `msiexec /i PeaceMessenger.msi SERVER_URL=https://chat.example.org /qn`
// point every machine at the organisation's server. The MSI writes the value where Group Policy
// puts it (HKLM\SOFTWARE\Policies\PeaceMessenger\ServerUrl), so the app reads it as locked policy.
// An install without SERVER_URL writes an empty value, which the app treats as "not set".
const { readFileSync, writeFileSync } = require('node:fs');

const FEATURE_ANCHOR = '<ComponentGroupRef Id="ProductComponents"/>';
const PRODUCT_END = '</Product>';

const serverUrlComponent = `
    <Property Id="SERVER_URL" Secure="yes"/>
    <DirectoryRef Id="APPLICATIONFOLDER">
      <Component Id="PolicyServerUrl" Guid="7d7c7f0e-52b1-4d8e-9a43-3b3b2f5c9e11">
        <RegistryValue Root="HKLM" Key="SOFTWARE\\Policies\\PeaceMessenger" Name="ServerUrl" Type="string" Value="[SERVER_URL]" KeyPath="yes"/>
      </Component>
    </DirectoryRef>
  `;

/** The WiX project with the SERVER_URL property added; throws if electron-builder's template changed shape. */
function addServerUrlProperty(wxs) {
  if (!wxs.includes(FEATURE_ANCHOR) || !wxs.includes(PRODUCT_END))
    throw new Error(
      'msi-project-created: the WiX template no longer has ProductComponents/Product; update this hook',
    );
  return wxs
    .replace(FEATURE_ANCHOR, `${FEATURE_ANCHOR}\n      <ComponentRef Id="PolicyServerUrl"/>`)
    .replace(PRODUCT_END, `${serverUrlComponent}${PRODUCT_END}`);
}

module.exports = async function msiProjectCreated(projectFile) {
  writeFileSync(projectFile, addServerUrlProperty(readFileSync(projectFile, 'utf8')));
};
module.exports.addServerUrlProperty = addServerUrlProperty;
