<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BasinBox</name>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="70" />
        <location filename="../../gui/labs/descent/basin.py" line="192" />
        <source>Log colour scale</source>
        <translation>对数色阶</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="126" />
        <source>Computing basins…</source>
        <translation>正在计算吸引域…</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="148" />
        <source>Computing basins… {k} steps, {m} starts still moving</source>
        <translation>正在计算吸引域… 已 {k} 步，仍有 {m} 个起点在移动</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="180" />
        <source>{n} minima found ({t:.2f} s)</source>
        <translation>找到 {n} 个最小值点（{t:.2f} 秒）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="183" />
        <source>{m} of {total} starts had not converged after {k} steps (grey)</source>
        <translation>{total} 个起点中有 {m} 个在 {k} 步后仍未收敛（灰色）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="191" />
        <source>View</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="193" />
        <source>Colour the surface and the contours by log f instead of f, to show the shape near the minimum.</source>
        <translation>按 log f 而不是 f 给曲面和等高线着色，以显示最小值附近的形状。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="196" />
        <source>Basin map</source>
        <translation>吸引域图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="197" />
        <source>Run descent from a grid of start points θ₀ and colour each start by the minimum it reaches (its basin).</source>
        <translation>从网格上的每个起点 θ₀ 运行梯度下降，并按到达的最小值给起点着色（即它的吸引域）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="200" />
        <source>Start points per side of the basin map: n × n runs of the first selected optimizer.</source>
        <translation>吸引域图每边的起点数：用第一个选中的优化器运行 n × n 次。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="202" />
        <source> × grid</source>
        <translation> × 网格</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/basin.py" line="203" />
        <source>Basin map: start points per side</source>
        <translation>吸引域图：每边的起点数</translation>
    </message>
</context>
<context>
    <name>ChainLab</name>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="110" />
        <source>Chain Rule</source>
        <extracomment>editing any of these clears the neuron's cost history (a new neuron) the Run menu's commands on offer changed (another section is shown)</extracomment>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="130" />
        <location filename="../../gui/labs/chain/lab.py" line="142" />
        <source>Set the functions</source>
        <translation>设置函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="133" />
        <source>Move x</source>
        <translation>移动 x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="136" />
        <source>Change Δx</source>
        <translation>修改 Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="145" />
        <source>Move the point</source>
        <translation>移动点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="151" />
        <source>Change the neuron</source>
        <translation>修改神经元</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="281" />
        <source>1.2  Single variable</source>
        <translation>1.2  单变量函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="282" />
        <source>1.3  Several variables</source>
        <translation>1.3  多变量函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="283" />
        <source>1.4  Vector form</source>
        <translation>1.4  向量形式</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="284" />
        <source>Neuron &amp; backprop</source>
        <translation>神经元与反向传播</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/lab.py" line="287" />
        <source>Sections of the chain rule</source>
        <translation>链式法则的各节</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="27" />
        <source>Column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="42" />
        <source>Choose the columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="45" />
        <source>Which columns hold x and y? The first rows of the file:</source>
        <translation>哪两列是 x 和 y？文件的前几行：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="49" />
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="59" />
        <source>x column</source>
        <translation>x 列</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="60" />
        <source>y column</source>
        <translation>y 列</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="66" />
        <source>x (horizontal axis):</source>
        <translation>x（横轴）：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/import_dialog.py" line="67" />
        <source>y (vertical axis):</source>
        <translation>y（纵轴）：</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/labs/commands.py" line="32" />
        <source>“{edit}” was not done: {reason}</source>
        <extracomment>Called with a (translated) message when an edit fails and the command was given no ``report`` of its own; whoever shows messages (the session) may set it.</extracomment>
        <translation>“{edit}”没有执行：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/commands.py" line="38" />
        <source>“{edit}” could not be done ({error}); nothing was changed.</source>
        <translation>“{edit}”无法完成（{error}）；没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <location filename="../../gui/labs/regression/cost_tab.py" line="68" />
        <source>The numbers of these points are too large: the cost C(k, b) is beyond the range of floating-point numbers, so its surface cannot be drawn.</source>
        <translation>这些点的数值太大：代价 C(k, b) 超出了浮点数的表示范围，因此无法绘制它的曲面。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/cost_tab.py" line="71" />
        <source>The cost surface over (k, b) is drawn for a straight line (degree 1).
For other degrees the cost depends on more than two parameters: use “Fit by gradient descent” to follow the loss curve and parameter traces.</source>
        <translation>参数 (k, b) 上的代价曲面只对直线（一次）绘制。
其他次数的代价依赖于两个以上的参数：请用“用梯度下降法拟合”查看损失曲线和参数轨迹。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/cost_tab.py" line="127" />
        <source>3D surface of the cost C(k, b)</source>
        <translation>代价 C(k, b) 的三维曲面</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/cost_tab.py" line="128" />
        <source>Contour map of the cost C(k, b)</source>
        <translation>代价 C(k, b) 的等高线图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/cost_tab.py" line="147" />
        <source>C(k, b) = Σ (yᵢ − (k·xᵢ + b))² over the parameters. Red: the best fit (the lowest point); green: my line. Drag a data point and watch the bowl move.</source>
        <translation>参数空间中的 C(k, b) = Σ (yᵢ − (k·xᵢ + b))²。红色：最佳拟合（最低点）；绿色：我的直线。拖动一个数据点，看碗形曲面如何移动。</translation>
    </message>
</context>
<context>
    <name>DataIO</name>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="74" />
        <source>Import {name} ({n} points)</source>
        <extracomment>the most bytes read from a points file the chooser dialog while it is open (tests find it here too)</extracomment>
        <translation>导入 {name}（{n} 个点）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="83" />
        <source>Could not read the file: {err}</source>
        <translation>无法读取文件：{err}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="87" />
        <source>The file is too large (more than {n} MB).</source>
        <translation>文件太大（超过 {n} MB）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="97" />
        <source>Import CSV ({n} points)</source>
        <translation>导入 CSV（{n} 个点）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="135" />
        <source>Imported {n} points.</source>
        <translation>已导入 {n} 个点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="157" />
        <source>Paste {n} points over {m} rows</source>
        <translation>粘贴 {n} 个点，替换 {m} 行</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_io.py" line="162" />
        <source>Paste {n} points</source>
        <translation>粘贴 {n} 个点</translation>
    </message>
</context>
<context>
    <name>DataPlot</name>
    <message>
        <location filename="../../gui/labs/regression/data_plot.py" line="351" />
        <source>Data and fitted line</source>
        <extracomment>my line's handles: places tried (fractions of the view's width, best first) and the distance from every point they keep (a fraction of the view's size)</extracomment>
        <translation>数据和拟合线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_plot.py" line="356" />
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_plot.py" line="357" />
        <source>least-squares fit</source>
        <translation>最小二乘拟合</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_plot.py" line="361" />
        <source>residuals y − ŷ</source>
        <translation>残差 y − ŷ</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_plot.py" line="363" />
        <source>my line</source>
        <translation>我的直线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/data_plot.py" line="366" />
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
</context>
<context>
    <name>DataToolbar</name>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="104" />
        <source>Your own data</source>
        <translation>自己的数据</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="104" />
        <source>Your own data (1 point)</source>
        <translation>自己的数据（1 个点）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="117" />
        <source>(squares are drawn for up to {n} points)</source>
        <translation>（最多为 {n} 个点画平方）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="120" />
        <source>(residuals and squares are drawn for up to {r} and {s} points)</source>
        <translation>（残差最多画 {r} 个点，平方最多画 {s} 个点）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="123" />
        <source>(residuals are drawn for up to {n} points)</source>
        <translation>（最多为 {n} 个点画残差）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="134" />
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="137" />
        <source>{name} ({n} points)</source>
        <translation>{name}（{n} 个点）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="140" />
        <source>Empty — place your own points</source>
        <translation>空白——自己放置数据点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="141" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="142" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="143" />
        <location filename="../../gui/labs/regression/toolbar.py" line="147" />
        <source>Fit view to data</source>
        <translation>缩放到数据</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="144" />
        <source>Show all the points ({keys})</source>
        <translation>显示所有数据点（{keys}）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="148" />
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="149" />
        <source>Polynomial degree</source>
        <translation>多项式次数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="150" />
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="151" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="153" />
        <source>Polynomial degree:</source>
        <translation>多项式次数：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="154" />
        <source>Residuals</source>
        <translation>残差</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="155" />
        <source>Squares of residuals</source>
        <translation>残差的平方</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="156" />
        <source>My line</source>
        <translation>我的直线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="158" />
        <source>Click: add point · drag: move · right-click or Del: remove</source>
        <translation>单击：添加点 · 拖动：移动 · 右键或 Del：删除</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="160" />
        <source>The data points (xᵢ, yᵢ) to fit, e.g. the chapter's weights x and heights y of 8 girls, or an empty plot for your own points</source>
        <translation>要拟合的数据点 (xᵢ, yᵢ)，例如本章 8 名女生的体重 x 和身高 y，或者一张空图，用来放你自己的点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="163" />
        <source>Load points (xᵢ, yᵢ) from a CSV or text file (Excel, WPS, any encoding); with more than two columns you choose x and y. You can also paste rows (Ctrl+V) or drop a file on the window.</source>
        <translation>从 CSV 或文本文件（Excel、WPS，任意编码）载入数据点 (xᵢ, yᵢ)；多于两列时由你选择 x 列和 y 列。也可以粘贴行（Ctrl+V），或把文件拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="166" />
        <source>Save the points (xᵢ, yᵢ) as a CSV file</source>
        <translation>把数据点 (xᵢ, yᵢ) 保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="168" />
        <source>Degree n of the fitted polynomial y = a₀ + a₁x + … + aₙxⁿ (1: the line y = kx + b). It has n + 1 parameters, so it needs more than n + 1 points.</source>
        <translation>拟合多项式 y = a₀ + a₁x + … + aₙxⁿ 的次数 n（1：直线 y = kx + b）。它有 n + 1 个参数，所以需要多于 n + 1 个数据点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="171" />
        <source>Draw each residual yᵢ − (k·xᵢ + b) as a vertical segment from the point to the line.</source>
        <translation>把每个残差 yᵢ − (k·xᵢ + b) 画成从数据点到直线的竖直线段。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="174" />
        <source>Draw each residual yᵢ − (k·xᵢ + b) as a square: the cost C = Σ of their areas.</source>
        <translation>把每个残差 yᵢ − (k·xᵢ + b) 画成正方形：代价函数 C = 它们面积之和 Σ。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="176" />
        <source>Show your own line y = kx + b (set k and b in the “My line” tab) and compare its cost C with the best fit's.</source>
        <translation>显示你自己的直线 y = kx + b（在“我的直线”标签页中设置 k 和 b），并把它的代价 C 与最佳拟合比较。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="182" />
        <location filename="../../gui/labs/regression/toolbar.py" line="205" />
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="183" />
        <source>CSV or text files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 或文本文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="189" />
        <location filename="../../gui/labs/regression/toolbar.py" line="197" />
        <source>Export points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="190" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="198" />
        <source>Could not write the file: {err}</source>
        <translation>无法写入文件：{err}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/toolbar.py" line="201" />
        <source>Exported {n} points.</source>
        <translation>已导出 {n} 个点。</translation>
    </message>
</context>
<context>
    <name>DescentLab</name>
    <message>
        <location filename="../../gui/labs/descent/lab.py" line="263" />
        <source>Preset: {name}</source>
        <extracomment>what the window's Run menu may ask of this lab (see :meth:`run_command`)</extracomment>
        <translation>预设：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/lab.py" line="412" />
        <source>Gradient Descent</source>
        <translation>梯度下降法</translation>
    </message>
</context>
<context>
    <name>DescentPanel</name>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="211" />
        <source>Add points to fit them by gradient descent.</source>
        <extracomment>a whole run plays in about 8 s</extracomment>
        <translation>添加数据点后才能用梯度下降法拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="222" />
        <source>a long, narrow valley: plain GD crawls along it.</source>
        <translation>一条又长又窄的山谷：普通梯度下降沿着它慢慢爬行。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="223" />
        <source>a round bowl: GD goes almost straight to the bottom.</source>
        <translation>一个圆形的碗：梯度下降几乎直奔碗底。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="224" />
        <source>Plain GD is stable only for η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; = &lt;b&gt;{bound}&lt;/b&gt;. Condition number λ&lt;sub&gt;max&lt;/sub&gt;/λ&lt;sub&gt;min&lt;/sub&gt; = {cond}: {shape}</source>
        <translation>普通梯度下降只在 η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; = &lt;b&gt;{bound}&lt;/b&gt; 时稳定。条件数 λ&lt;sub&gt;max&lt;/sub&gt;/λ&lt;sub&gt;min&lt;/sub&gt; = {cond}：{shape}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="228" />
        <source>&lt;b style='color:{c}'&gt;η is above this limit: the run diverges.&lt;/b&gt;</source>
        <translation>&lt;b style='color:{c}'&gt;η 超过了这个界限：迭代会发散。&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="275" />
        <source>&lt;b style='color:{cf}'&gt;Closed form&lt;/b&gt; (least squares): {closed}&lt;br&gt;Press Step, Play or Run to end to start gradient descent from the start point (click the contour plot to move it).</source>
        <translation>&lt;b style='color:{cf}'&gt;解析解&lt;/b&gt;（最小二乘）：{closed}&lt;br&gt;按“单步”“播放”或“运行到底”从起点开始梯度下降（单击等高线图可移动起点）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="280" />
        <source>converges</source>
        <translation>收敛</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="280" />
        <source>oscillates</source>
        <translation>来回震荡</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="281" />
        <source>crawls (slow)</source>
        <translation>爬行（很慢）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="281" />
        <source>diverges</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="287" />
        <source>(blew up)</source>
        <translation>（数值爆炸）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="289" />
        <source>&lt;b style='color:{cf}'&gt;Closed form&lt;/b&gt;: {closed}&lt;br&gt;&lt;b style='color:{c}'&gt;Descent&lt;/b&gt;, step {k} of {n}: {desc}&lt;br&gt;largest coefficient difference {diff} · C = {cost} · this run &lt;b&gt;{kind}&lt;/b&gt; after {n} steps.</source>
        <translation>&lt;b style='color:{cf}'&gt;解析解&lt;/b&gt;：{closed}&lt;br&gt;&lt;b style='color:{c}'&gt;梯度下降&lt;/b&gt;，第 {k} 步（共 {n} 步）：{desc}&lt;br&gt;系数最大差值 {diff} · C = {cost} · 这次迭代 &lt;b&gt;{kind}&lt;/b&gt;（共 {n} 步）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="307" />
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="308" />
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="309" />
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="310" />
        <source>Max steps:</source>
        <translation>最大步数：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="311" />
        <source>Standardise x (feature scaling)</source>
        <translation>标准化 x（特征缩放）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="313" />
        <source>The rule that updates the parameters θ = (k, b, …) step by step to minimise C, e.g. θ ← θ − η∇C(θ)</source>
        <translation>逐步更新参数 θ = (k, b, …) 以最小化 C 的规则，例如 θ ← θ − η∇C(θ)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="315" />
        <source>Learning rate η in θ ← θ − η∇C(θ): too large and C oscillates or diverges.</source>
        <translation>θ ← θ − η∇C(θ) 中的学习率 η：太大时 C 会来回震荡或发散。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="317" />
        <source>Stop after at most this many steps</source>
        <translation>最多迭代这么多步后停止</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="322" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="323" />
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="324" />
        <source>Max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_tab.py" line="326" />
        <source>Fit on x scaled to mean 0 and standard deviation 1: the bowl C(k, b) becomes round, so a larger η converges.</source>
        <translation>在缩放为均值 0、标准差 1 的 x 上拟合：碗形的 C(k, b) 变圆，因此更大的 η 也能收敛。</translation>
    </message>
</context>
<context>
    <name>DescentPlots</name>
    <message>
        <location filename="../../gui/labs/regression/descent_plots.py" line="93" />
        <location filename="../../gui/labs/regression/descent_plots.py" line="190" />
        <source>Loss C per step</source>
        <translation>每一步的损失 C</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_plots.py" line="95" />
        <location filename="../../gui/labs/regression/descent_plots.py" line="193" />
        <source>Parameters per step</source>
        <translation>每一步的参数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_plots.py" line="98" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/descent_plots.py" line="188" />
        <source>Contour map of C</source>
        <translation>C 的等高线图</translation>
    </message>
</context>
<context>
    <name>EditorPanel</name>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="144" />
        <source>Edit function</source>
        <translation>编辑函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="180" />
        <source>at character {n}</source>
        <translation>第 {n} 个字符处</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="181" />
        <source>The last valid function is still shown.</source>
        <translation>图中仍显示上一个有效的函数。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="197" />
        <source>Chapter example: (x + y − 3)² + (x + 2y − 5)² + 2</source>
        <translation>本章例子：(x + y − 3)² + (x + 2y − 5)² + 2</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="198" />
        <source>Paraboloid: x² + y² from (3, 2)</source>
        <translation>抛物面：x² + y²，起点 (3, 2)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="199" />
        <source>Ill-conditioned bowl: 0.5x² + 10y²</source>
        <translation>病态的碗：0.5x² + 10y²</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="200" />
        <source>Rosenbrock's banana valley</source>
        <translation>Rosenbrock 香蕉形山谷</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="201" />
        <source>Himmelblau: four minima</source>
        <translation>Himmelblau：四个最小值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="202" />
        <source>Saddle: x² − y²</source>
        <translation>鞍面：x² − y²</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="203" />
        <source>Plateau: 1 − exp(−(x² + y²)/4)</source>
        <translation>平台：1 − exp(−(x² + y²)/4)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="204" />
        <source>One variable: x⁴ − 3x² + x</source>
        <translation>单变量：x⁴ − 3x² + x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="205" />
        <source>Three variables</source>
        <translation>三个变量</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="209" />
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="211" />
        <source>Example function</source>
        <translation>示例函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="214" />
        <source>Choose an example function: it sets f, the plot range, the start point θ₀ and the learning rate η.</source>
        <translation>选择一个示例函数：它会设置 f、绘图范围、起点 θ₀ 和学习率 η。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="217" />
        <source>Type a function, e.g. x^2 + y^2</source>
        <translation>输入函数，例如 x^2 + y^2</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="218" />
        <source>The function f(θ) to minimise; its partial derivatives ∂f/∂x, ∂f/∂y, … form the gradient ∇f shown below. Use + − * / ^, sin, exp, log, sqrt…; 2x means 2·x.</source>
        <translation>要最小化的函数 f(θ)；它的偏导数 ∂f/∂x, ∂f/∂y, … 组成下面显示的梯度 ∇f。可用 + − * / ^、sin、exp、log、sqrt…；2x 表示 2·x。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/editor.py" line="221" />
        <source>Function f to minimise</source>
        <translation>要最小化的函数 f</translation>
    </message>
</context>
<context>
    <name>EtaBox</name>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="112" />
        <source>Learning rate η = {eta}</source>
        <translation>学习率 η = {eta}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="159" />
        <source>2/λmax ≈ {b} at the start</source>
        <translation>起点处 2/λmax ≈ {b}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="161" />
        <source>no upper bound here (λmax ≤ 0)</source>
        <translation>此处没有上限（λmax ≤ 0）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="172" />
        <source>Learning rate η (plain GD)</source>
        <translation>学习率 η（普通梯度下降）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="173" />
        <source>Learning rate η in Δθ = −η∇f(θ), on a logarithmic scale 10⁻⁵ … 10. The red mark is 2/λmax at the start: plain GD diverges above it.</source>
        <translation>Δθ = −η∇f(θ) 中的学习率 η，对数刻度 10⁻⁵ … 10。红色标记是起点处的 2/λmax：η 超过它时普通梯度下降发散。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="176" />
        <source>Learning rate η in Δθ = −η∇f(θ): the step is η times the gradient, downhill.</source>
        <translation>Δθ = −η∇f(θ) 中的学习率 η：每一步是梯度的 η 倍，方向朝下坡。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="178" />
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/eta.py" line="179" />
        <source>Learning rate η, logarithmic scale</source>
        <translation>学习率 η（对数刻度）</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../gui/views/export.py" line="180" />
        <source>Export picture (PNG 1×)…</source>
        <translation>导出图片（PNG 1×）…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="181" />
        <source>Export picture (PNG 2×)…</source>
        <translation>导出图片（PNG 2×）…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="182" />
        <source>Export picture (PNG 3×)…</source>
        <translation>导出图片（PNG 3×）…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="183" />
        <source>Export picture (SVG)…</source>
        <translation>导出图片（SVG）…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="211" />
        <source>View all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="220" />
        <location filename="../../gui/views/export.py" line="232" />
        <location filename="../../gui/views/export.py" line="239" />
        <source>Export data (CSV)…</source>
        <translation>导出数据（CSV）…</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="240" />
        <source>The file could not be saved.</source>
        <translation>无法保存该文件。</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="252" />
        <location filename="../../gui/views/export.py" line="258" />
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location filename="../../gui/views/export.py" line="259" />
        <source>The picture could not be saved.</source>
        <translation>无法保存图片。</translation>
    </message>
</context>
<context>
    <name>ExprField</name>
    <message>
        <location filename="../../gui/labs/chain/widgets.py" line="172" />
        <source>at character {n}</source>
        <translation>第 {n} 个字符处</translation>
    </message>
</context>
<context>
    <name>ExprMessages</name>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="20" />
        <source>Type a function, for example x^2 + y^2</source>
        <translation>请输入一个函数，例如 x^2 + y^2</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="21" />
        <source>f has no variable: write a function of x, y, …</source>
        <translation>f 没有变量：请写一个关于 x, y, … 的函数</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="22" />
        <source>'{name}' is not allowed in a function: use only numbers, variables and functions such as sin(x)</source>
        <translation>函数中不允许使用“{name}”：只能使用数字、变量和 sin(x) 这样的函数</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="24" />
        <source>A name must start with a letter: write x1, not 1x_</source>
        <translation>名称必须以字母开头：写 x1，而不是 1x_</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="25" />
        <source>Indexing such as {name}[…] is not supported: write a name like {name}1, or use ( ) to multiply</source>
        <translation>不支持 {name}[…] 这样的下标：请写成 {name}1 这样的名称，或用 ( ) 表示相乘</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="27" />
        <source>Write √ before a number, a variable or a bracket: √x, √2, √(x + 1)</source>
        <translation>√ 后面要跟数字、变量或括号：√x、√2、√(x + 1)</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="28" />
        <source>Type only the right-hand side, e.g. x^2 + y^2 instead of f = x^2 + y^2</source>
        <translation>只输入等号右边，例如输入 x^2 + y^2 而不是 f = x^2 + y^2</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="30" />
        <source>Comparisons such as '{char}' are not allowed: type only the function</source>
        <translation>不允许使用“{char}”这样的比较：只输入函数</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="32" />
        <source>Unexpected character '{char}': remove it or use + − * / ^</source>
        <translation>意外的字符“{char}”：请删除它或使用 + − * / ^</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="33" />
        <source>The function is too long (at most {limit}): shorten it</source>
        <translation>函数太长（最多 {limit}）：请缩短它</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="34" />
        <source>'{name}' is read as one variable name: for the function write {function}({arg})</source>
        <translation>“{name}”会被当作一个变量名：若要使用函数，请写成 {function}({arg})</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="35" />
        <source>'{name}' is a function: write {name}(…)</source>
        <translation>“{name}”是一个函数：请写成 {name}(…)</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="36" />
        <source>Unknown function '{name}': use e.g. sin, cos, exp, log, sqrt, tanh</source>
        <translation>未知函数“{name}”：请使用 sin、cos、exp、log、sqrt、tanh 等</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="38" />
        <source>Too many nested brackets or functions (at most {limit}): simplify the function</source>
        <translation>括号或函数嵌套太多（最多 {limit} 层）：请简化函数</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="40" />
        <source>This '{char}' has no matching '{open}': delete it or add the '{open}'</source>
        <translation>这个“{char}”没有匹配的“{open}”：请删除它或补上“{open}”</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="42" />
        <source>This '{char}' does not match the bracket opened before it: use the same kind of bracket</source>
        <translation>这个“{char}”与前面打开的括号不匹配：请使用同一种括号</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="44" />
        <source>A '{char}' is never closed: add the closing bracket</source>
        <translation>有一个“{char}”没有闭合：请补上右括号</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="45" />
        <source>This is not a complete formula here: check for a missing number, variable or operator</source>
        <translation>这里不是完整的公式：请检查是否缺少数字、变量或运算符</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="47" />
        <source>The function is too complicated to differentiate: simplify it</source>
        <translation>函数太复杂，无法求导：请简化它</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="48" />
        <source>This number is too large: use numbers between 1e-100 and 1e100</source>
        <translation>这个数太大：请使用 1e-100 到 1e100 之间的数</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="49" />
        <source>Only numbers, variables and functions are allowed</source>
        <translation>只允许使用数字、变量和函数</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="50" />
        <source>The name '{name}' is too long (at most 12 letters)</source>
        <translation>名称“{name}”太长（最多 12 个字母）</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="51" />
        <source>The operator '{op}' is not allowed; use + - * / ^</source>
        <translation>不允许使用运算符“{op}”；请使用 + - * / ^</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="52" />
        <source>Only named functions can be called, with plain arguments: e.g. sin(x)</source>
        <translation>只能调用有名称的函数，并使用简单的参数：例如 sin(x)</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="54" />
        <source>{name} takes {want} argument(s), not {got}</source>
        <translation>{name} 需要 {want} 个参数，而不是 {got} 个</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="55" />
        <source>A comma is only allowed between a function's arguments</source>
        <translation>逗号只能用在函数的参数之间</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="56" />
        <source>This is not allowed in a function</source>
        <translation>函数中不允许这样写</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="57" />
        <source>The function is undefined here (e.g. a division by 0): change it</source>
        <translation>函数在这里无定义（例如除以 0）：请修改它</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="59" />
        <source>This power is too large (exponent at most {limit})</source>
        <translation>这个幂太大（指数最多为 {limit}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="60" />
        <source>The function must be text</source>
        <translation>函数必须是文本</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="61" />
        <source>'{name}' cannot be a variable name</source>
        <translation>“{name}”不能作为变量名</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="62" />
        <source>Unknown name '{name}': the variables here are {variables}</source>
        <translation>未知名称“{name}”：这里的变量是 {variables}</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="75" />
        <source>This operator is not allowed; use + - * / ^</source>
        <translation>不允许使用这个运算符；请使用 + - * / ^</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="77" />
        <source>This power is too large</source>
        <translation>这个幂太大</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="79" />
        <source>The function is too long: shorten it</source>
        <translation>函数太长：请缩短它</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="81" />
        <source>The function is nested too deeply: simplify it</source>
        <translation>函数嵌套太深：请简化它</translation>
    </message>
    <message>
        <location filename="../../gui/text/expr_messages.py" line="83" />
        <source>A variable is listed twice</source>
        <translation>有一个变量列出了两次</translation>
    </message>
</context>
<context>
    <name>FunctionViews</name>
    <message>
        <location filename="../../gui/labs/descent/plots.py" line="219" />
        <location filename="../../gui/labs/descent/plots.py" line="227" />
        <source>Contour map</source>
        <translation>等高线图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/plots.py" line="220" />
        <location filename="../../gui/labs/descent/plots.py" line="227" />
        <source>3D surface</source>
        <translation>三维曲面</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/plots.py" line="221" />
        <source>Graph of f</source>
        <translation>f 的图像</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/plots.py" line="222" />
        <source>Variables against k</source>
        <translation>各变量随 k 的变化</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/plots.py" line="230" />
        <source>iteration k</source>
        <translation>迭代次数 k</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/plots.py" line="231" />
        <source>value of each variable</source>
        <translation>各变量的值</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../gui/shell/help.py" line="39" />
        <source>the chapter's example (section 2.7)</source>
        <extracomment>(what is typed, what it means): every left-hand side is parsed by a test</extracomment>
        <translation>本章的例子（2.7 节）</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="40" />
        <source>powers with ^ (or **)</source>
        <translation>乘方用 ^（或 **）</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="41" />
        <source>superscripts, as the app prints them</source>
        <translation>上标，与程序显示的一样</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="42" />
        <source>a number before a letter multiplies</source>
        <translation>数字写在字母前表示相乘</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="43" />
        <source>products with * (or · or ×), or a space: x y</source>
        <translation>乘法用 *（或 · 或 ×），或用空格：x y</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="44" />
        <source>functions take their argument in brackets</source>
        <translation>函数的自变量写在括号里</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="45" />
        <source>square root, also √(…)</source>
        <translation>平方根，也可写 √(…)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="46" />
        <source>absolute value, also abs(x)</source>
        <translation>绝对值，也可写 abs(x)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="47" />
        <source>e and pi (π) are the constants</source>
        <translation>e 和 pi（π）是常数</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="49" />
        <source>log with a base; ln(x) and log(x) are natural logarithms</source>
        <translation>带底数的对数；ln(x) 和 log(x) 是自然对数</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="51" />
        <source>the neuron's activation 1/(1 + e^(−x)); also relu, tanh</source>
        <translation>神经元的激活函数 1/(1 + e^(−x))；还有 relu、tanh</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="52" />
        <source>two arguments, separated by a comma</source>
        <translation>两个自变量，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="53" />
        <source>numbers use a decimal point and may have an exponent</source>
        <translation>数字用小数点，可以带指数</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="57" />
        <source>Regression</source>
        <extracomment>keys that belong to a lab's own widgets, not to a menu action: (where, keys, what)</extracomment>
        <translation>回归分析</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="57" />
        <source>All labs</source>
        <translation>所有实验室</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="60" />
        <source>paste points copied from a spreadsheet (table or plot)</source>
        <translation>粘贴从电子表格复制的数据点（表格或图中）</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="61" />
        <source>copy the selected points as tab-separated text</source>
        <translation>把选中的数据点复制为制表符分隔的文本</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="62" />
        <source>delete the selected point (plot)</source>
        <translation>删除选中的数据点（图中）</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="63" />
        <source>Enter or Tab</source>
        <translation>Enter 或 Tab</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="64" />
        <source>in the table's last cell: a new row</source>
        <translation>在表格最后一格中：新增一行</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="65" />
        <source>Esc or Ctrl+Tab</source>
        <translation>Esc 或 Ctrl+Tab</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="66" />
        <source>leave the points table</source>
        <translation>离开数据点表格</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="67" />
        <source>fit the view to the data</source>
        <translation>缩放到数据</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="68" />
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="69" />
        <source>move between controls</source>
        <translation>在控件之间移动</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="70" />
        <source>arrow keys on a slider</source>
        <translation>滑块上的方向键</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="71" />
        <source>change its value step by step</source>
        <translation>逐步改变它的值</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="76" />
        <location filename="../../gui/shell/help.py" line="175" />
        <source>What can I type?</source>
        <translation>可以输入什么？</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="77" />
        <source>The Gradient Descent Lab takes a function of x and y; the Chain Rule Lab takes y = f(u) and u = g(x). Type them as on a calculator:</source>
        <translation>梯度下降实验室输入 x 和 y 的函数；链式法则实验室输入 y = f(u) 和 u = g(x)。像在计算器上一样输入：</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="80" />
        <source>Functions:</source>
        <translation>函数：</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="81" />
        <source>A mistake is marked where it is, with what to change; nothing you typed is lost. Text is never run as a program.</source>
        <translation>输入有误时，会标出出错的位置并说明如何修改；已输入的内容不会丢失。输入的文字从不作为程序运行。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="123" />
        <location filename="../../gui/shell/help.py" line="177" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="124" />
        <source>The Run keys (→ ← Space P End Home) work wherever the focus is, except in text fields, where they edit the text.</source>
        <translation>运行键（→ ← 空格 P End Home）在任何焦点位置都有效，只有在文本框中例外：在那里它们用于编辑文字。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="166" />
        <source>&amp;What can I type?</source>
        <translation>可以输入什么(&amp;W)?</translation>
    </message>
    <message>
        <location filename="../../gui/shell/help.py" line="167" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/shell/lessons.py" line="91" />
        <source>1.1 Neural network and composite function</source>
        <translation>1.1 神经网络和复合函数</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="93" />
        <source>&lt;p&gt;If y = f(u) and u = g(x), then y = f(g(x)) is the &lt;b&gt;composite function&lt;/b&gt; of f and g.&lt;/p&gt;&lt;p&gt;A neuron is one: y = a(w&lt;sub&gt;1&lt;/sub&gt;x&lt;sub&gt;1&lt;/sub&gt; + w&lt;sub&gt;2&lt;/sub&gt;x&lt;sub&gt;2&lt;/sub&gt; + b) is the composite of the linear function z = w·x + b (weights w, bias b) and the activation function a.&lt;/p&gt;&lt;p&gt;Change the weights, the bias and the activation, and watch the values flow forward through the graph.&lt;/p&gt;</source>
        <translation>&lt;p&gt;若 y = f(u)，u = g(x)，则 y = f(g(x)) 称为 f 与 g 的&lt;b&gt;复合函数&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;神经元就是一个复合函数：y = a(w&lt;sub&gt;1&lt;/sub&gt;x&lt;sub&gt;1&lt;/sub&gt; + w&lt;sub&gt;2&lt;/sub&gt;x&lt;sub&gt;2&lt;/sub&gt; + b) 是线性函数 z = w·x + b（权重 w，偏置 b）与激活函数 a 的复合。&lt;/p&gt;&lt;p&gt;改变权重、偏置和激活函数，观察数值如何在计算图中向前传播。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="101" />
        <source>1.2 Single-variable chain rule</source>
        <translation>1.2 单变量函数的链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="103" />
        <source>&lt;p&gt;&lt;b&gt;dy/dx = dy/du · du/dx&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Here y = u² and u = 3x + 1, so dy/du = 2u, du/dx = 3 and dy/dx = 2u·3 = 6(3x + 1).&lt;/p&gt;&lt;p&gt;The approximation f(x + Δx) ≈ f(x) + f′(x)·Δx is the tangent line: make Δx small and the error shrinks faster than Δx.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;dy/dx = dy/du · du/dx&lt;/b&gt;&lt;/p&gt;&lt;p&gt;这里 y = u²，u = 3x + 1，所以 dy/du = 2u，du/dx = 3，dy/dx = 2u·3 = 6(3x + 1)。&lt;/p&gt;&lt;p&gt;近似公式 f(x + Δx) ≈ f(x) + f′(x)·Δx 就是切线：Δx 越小，误差比 Δx 缩小得更快。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="109" />
        <source>1.3 Multivariable chain rule</source>
        <translation>1.3 多变量函数的链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="111" />
        <source>&lt;p&gt;If z = f(u, v) with u = u(x, y) and v = v(x, y), then&lt;/p&gt;&lt;p&gt;&lt;b&gt;∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x&lt;/b&gt;&lt;br&gt;&lt;b&gt;∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y&lt;/b&gt;&lt;/p&gt;&lt;p&gt;One product for each path from x to z, added up. Pick a derivative to see its paths.&lt;/p&gt;</source>
        <translation>&lt;p&gt;若 z = f(u, v)，u = u(x, y)，v = v(x, y)，则&lt;/p&gt;&lt;p&gt;&lt;b&gt;∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x&lt;/b&gt;&lt;br&gt;&lt;b&gt;∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y&lt;/b&gt;&lt;/p&gt;&lt;p&gt;从 x 到 z 的每条路径贡献一个乘积，再把它们相加。选择一个导数，查看它的路径。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="118" />
        <source>1.4 Vector form of the approximation</source>
        <translation>1.4 近似公式的向量形式</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="120" />
        <source>&lt;p&gt;Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy = &lt;b&gt;∇z · Δx&lt;/b&gt;, with the gradient ∇z = (∂z/∂x, ∂z/∂y) and the displacement Δx = (Δx, Δy).&lt;/p&gt;&lt;p&gt;The tangent plane at the point is this approximation; move Δx and Δy and compare the true Δz with ∇z·Δx.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy = &lt;b&gt;∇z · Δx&lt;/b&gt;，其中梯度 ∇z = (∂z/∂x, ∂z/∂y)，位移向量 Δx = (Δx, Δy)。&lt;/p&gt;&lt;p&gt;该点处的切平面就是这个近似；移动 Δx 和 Δy，比较真实的 Δz 与 ∇z·Δx。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="126" />
        <source>2.1 The idea of gradient descent</source>
        <translation>2.1 梯度下降法的思路</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="128" />
        <source>&lt;p&gt;Instead of solving ∂f/∂x = 0, ∂f/∂y = 0 directly, move a point little by little downhill until it reaches a minimum.&lt;/p&gt;&lt;p&gt;z = x² + y² from (3, 2) with η = 0.1: each step multiplies the point by 0.8, so it passes (2.4, 1.6), (1.92, 1.28), … towards (0, 0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;不直接求解 ∂f/∂x = 0、∂f/∂y = 0，而是让点沿着函数图像一点一点往下走，直到到达最小值。&lt;/p&gt;&lt;p&gt;z = x² + y²，从 (3, 2) 出发，η = 0.1：每一步把点乘以 0.8，依次经过 (2.4, 1.6)、(1.92, 1.28)……趋向 (0, 0)。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="134" />
        <source>2.2–2.3 Why the gradient</source>
        <translation>2.2–2.3 为什么沿梯度方向</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="136" />
        <source>&lt;p&gt;Δz ≈ ∇f · Δx, and an inner product a · b = |a||b|cos θ is smallest when b points opposite to a (θ = 180°).&lt;/p&gt;&lt;p&gt;So for a step of fixed length, f falls fastest when Δx points opposite to ∇f. The arrow at the current point shows −η∇f; the contour lines cross it at right angles.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Δz ≈ ∇f · Δx，而内积 a · b = |a||b|cos θ 在 b 与 a 方向相反（θ = 180°）时最小。&lt;/p&gt;&lt;p&gt;所以步长一定时，Δx 与 ∇f 方向相反，f 下降得最快。当前点处的箭头表示 −η∇f；等高线与它垂直相交。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="142" />
        <source>2.4 The basic formula for two variables</source>
        <translation>2.4 两个变量的梯度下降基本式</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="144" />
        <source>&lt;p&gt;&lt;b&gt;(Δx, Δy) = −η · (∂f/∂x, ∂f/∂y)&lt;/b&gt;, η &gt; 0.&lt;/p&gt;&lt;p&gt;The chapter's example f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2 has ∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5) and ∂f/∂y = 2(x + y − 3) + 4(x + 2y − 5). With η = 0.1 the point reaches the minimum f = 2 at (x, y) = (1, 2). Step through it and read each update.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;(Δx, Δy) = −η · (∂f/∂x, ∂f/∂y)&lt;/b&gt;，η &gt; 0。&lt;/p&gt;&lt;p&gt;本章的例子 f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2，∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5)，∂f/∂y = 2(x + y − 3) + 4(x + 2y − 5)。取 η = 0.1，点会到达最小值 f = 2，位置 (x, y) = (1, 2)。逐步执行，读出每一次更新。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="151" />
        <source>2.5 Three or more variables</source>
        <translation>2.5 三个及更多变量</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="153" />
        <source>&lt;p&gt;(Δx, Δy, Δz) = −η · (∂f/∂x, ∂f/∂y, ∂f/∂z); for n variables &lt;b&gt;Δθ = −η · ∇f(θ)&lt;/b&gt;. All coordinates are updated at the same time.&lt;/p&gt;&lt;p&gt;With three variables there is no surface to draw, but the loss curve, the trace of each variable and the step table still show every update.&lt;/p&gt;</source>
        <translation>&lt;p&gt;(Δx, Δy, Δz) = −η · (∂f/∂x, ∂f/∂y, ∂f/∂z)；n 个变量时 &lt;b&gt;Δθ = −η · ∇f(θ)&lt;/b&gt;。所有坐标同时更新。&lt;/p&gt;&lt;p&gt;三个变量时无法画出曲面，但损失曲线、各变量的轨迹和步骤表仍然展示每一次更新。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="159" />
        <source>2.6 The learning rate η</source>
        <translation>2.6 学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="161" />
        <source>&lt;p&gt;η too small: slow, many iterations. η too large: the point jumps over the minimum, oscillates (来回震荡) or never converges.&lt;/p&gt;&lt;p&gt;For the chapter's f the Hessian has eigenvalues 7 ± √45, so plain gradient descent converges only for η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; ≈ 0.1459: η = 0.14 zig-zags but converges, η = 0.15 diverges. Try both.&lt;/p&gt;</source>
        <translation>&lt;p&gt;η 太小：收敛慢，需要很多次迭代。η 太大：点会越过最小值，来回震荡，甚至无法收敛。&lt;/p&gt;&lt;p&gt;本章的 f 的黑塞矩阵特征值为 7 ± √45，所以普通梯度下降只有在 η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; ≈ 0.1459 时才收敛：η = 0.14 呈锯齿状但收敛，η = 0.15 发散。两个都试一试。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="168" />
        <source>2.6 Different starts, different minima</source>
        <translation>2.6 不同起点，不同的局部最小值</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="170" />
        <source>&lt;p&gt;Himmelblau's function has four minima. Which one gradient descent reaches depends on the start point: click the contour map to try starts, or turn on the basin map to colour every start by the minimum it reaches.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Himmelblau 函数有四个最小值。梯度下降到达哪一个取决于起点：点击等高线图尝试不同起点，或打开“吸引域图”，按每个起点最终到达的最小值为其着色。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="176" />
        <source>2.7 The chapter's Python example</source>
        <translation>2.7 本章的 Python 示例</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="178" />
        <source>&lt;p&gt;Minimise f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2 with η = 0.1, at most 10000 iterations. The exact minimum is f = 2 at (1, 2).&lt;/p&gt;&lt;p&gt;The original code wrote its tolerance as −5 (meant 1e−5), so it always ran all 10000 iterations. A stop rule on |Δf| &amp;lt; 1e−5 stops early, near (1.028, 1.983); a rule on |∇f| is the better default. Compare the two stop rules.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用 η = 0.1、最多 10000 次迭代最小化 f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2。精确的最小值是 f = 2，位于 (1, 2)。&lt;/p&gt;&lt;p&gt;原代码把容差写成了 −5（本意是 1e−5），因此总是跑满 10000 次迭代。以 |Δf| &amp;lt; 1e−5 为停止条件会提前停在 (1.028, 1.983) 附近；以 |∇f| 为停止条件是更好的默认选择。比较这两种停止条件。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="186" />
        <source>3.1 Building a model is an optimisation problem</source>
        <translation>3.1 建立模型是最优化问题</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="188" />
        <source>&lt;p&gt;Choosing a model's parameters so that it fits data best is an &lt;b&gt;optimisation problem&lt;/b&gt; (最优化问题); fitting a neural network's weights and biases is the same kind of problem.&lt;/p&gt;&lt;p&gt;Drag the points and watch the best line follow.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择模型的参数使其最符合数据，就是一个&lt;b&gt;最优化问题&lt;/b&gt;；确定神经网络的权重和偏置也是同一类问题。&lt;/p&gt;&lt;p&gt;拖动数据点，观察最佳直线随之变化。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="194" />
        <source>3.2 Regression analysis</source>
        <translation>3.2 回归分析</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="196" />
        <source>&lt;p&gt;Regression analysis explains one variable by others. Simple linear regression fits &lt;b&gt;y = kx + b&lt;/b&gt; (the textbook writes y = px + q).&lt;/p&gt;&lt;p&gt;Here x is weight (kg) and y is height (cm) of 8 girls.&lt;/p&gt;</source>
        <translation>&lt;p&gt;回归分析用其他变量来解释一个变量。一元线性回归拟合 &lt;b&gt;y = kx + b&lt;/b&gt;（教材写作 y = px + q）。&lt;/p&gt;&lt;p&gt;这里 x 是 8 名女生的体重（kg），y 是身高（cm）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="201" />
        <source>3.3 The cost function</source>
        <translation>3.3 代价函数</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="203" />
        <source>&lt;p&gt;The cost function (误差函数/损失函数) is the sum of squared errors &lt;b&gt;C = Σ (y&lt;sub&gt;i&lt;/sub&gt; − (k·x&lt;sub&gt;i&lt;/sub&gt; + b))²&lt;/b&gt; (the textbook puts ½ in front). Minimising it is the method of least squares.&lt;/p&gt;&lt;p&gt;Each residual's square is drawn: the best line makes their total area smallest. Set your own line and compare.&lt;/p&gt;</source>
        <translation>&lt;p&gt;代价函数（误差函数/损失函数）是误差的平方和 &lt;b&gt;C = Σ (y&lt;sub&gt;i&lt;/sub&gt; − (k·x&lt;sub&gt;i&lt;/sub&gt; + b))²&lt;/b&gt;（教材在前面加了 ½）。使它最小的方法就是最小二乘法。&lt;/p&gt;&lt;p&gt;每个残差的平方都画成了正方形：最佳直线使它们的总面积最小。设置你自己的直线来比较。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="210" />
        <source>3.4 The heights and weights example</source>
        <translation>3.4 身高体重的例子</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="212" />
        <source>&lt;p&gt;The least-squares line for the 8 girls is k = 0.75141…, b = 124.298…, with r = 0.79847, R² = 0.63756 and SSE = 113.6243.&lt;/p&gt;&lt;p&gt;The chapter's iterative solver printed k = 0.7514124562779751, b = 124.29802113285037: the same to about 7 significant digits. Fit it by gradient descent too — and see why standardising x matters.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这 8 名女生数据的最小二乘直线为 k = 0.75141…，b = 124.298…，r = 0.79847，R² = 0.63756，SSE = 113.6243。&lt;/p&gt;&lt;p&gt;本章的迭代求解器输出 k = 0.7514124562779751，b = 124.29802113285037：约 7 位有效数字相同。也用梯度下降来拟合——看看为什么要把 x 标准化。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="219" />
        <source>3.5 The number of model parameters</source>
        <translation>3.5 模型参数的个数</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="221" />
        <source>&lt;p&gt;To determine a model you need more data points than it has parameters: a line has 2, a degree-n polynomial n + 1.&lt;/p&gt;&lt;p&gt;Here a parabola (3 parameters) meets 3 points: it passes through all of them with zero error, and says nothing about the data. Add points, or lower the degree.&lt;/p&gt;</source>
        <translation>&lt;p&gt;要确定一个模型，数据点的个数必须多于模型参数的个数：直线有 2 个参数，n 次多项式有 n + 1 个。&lt;/p&gt;&lt;p&gt;这里抛物线（3 个参数）遇到 3 个点：它恰好穿过所有点，误差为零，却不能说明数据的任何规律。增加数据点，或降低次数。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="274" />
        <source>◀ Previous</source>
        <translation>◀ 上一课</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="275" />
        <source>Next ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="276" />
        <source>Previous lesson</source>
        <translation>上一课</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="277" />
        <source>Next lesson</source>
        <translation>下一课</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="278" />
        <source>Lesson text</source>
        <translation>课文</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="280" />
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/shell/lessons.py" line="281" />
        <source>&lt;p&gt;Choose a lesson from the Lessons menu: each one opens the right lab with the chapter's example.&lt;/p&gt;</source>
        <translation>&lt;p&gt;从“课程”菜单中选择一课：每一课都会打开相应的实验室，并载入本章的例子。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LossPlots</name>
    <message>
        <location filename="../../gui/labs/descent/loss.py" line="123" />
        <source>Plot the loss f(θₖ) on a logarithmic axis.</source>
        <translation>在对数坐标轴上绘制损失 f(θₖ)。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/loss.py" line="124" />
        <source>Loss f(θₖ) against iteration k</source>
        <translation>损失 f(θₖ) 随迭代次数 k 的变化</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/loss.py" line="125" />
        <source>‖∇f(θₖ)‖ against iteration k (log scale)</source>
        <translation>‖∇f(θₖ)‖ 随迭代次数 k 的变化（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/loss.py" line="126" />
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/loss.py" line="127" />
        <location filename="../../gui/labs/descent/loss.py" line="128" />
        <source>iteration k</source>
        <translation>迭代次数 k</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/shell/autosave.py" line="131" />
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/autosave.py" line="169" />
        <source>Restored your last session.</source>
        <translation>已恢复上次的工作。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="120" />
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="129" />
        <location filename="../../gui/shell/files.py" line="143" />
        <source>Cannot open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="134" />
        <location filename="../../gui/shell/files.py" line="165" />
        <source>Nothing was changed: your current work is as it was.</source>
        <translation>没有做任何更改：你当前的工作保持原样。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="177" />
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="190" />
        <location filename="../../gui/shell/files.py" line="196" />
        <source>Cannot save session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="197" />
        <source>The session could not be saved:</source>
        <translation>无法保存会话：</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="204" />
        <location filename="../../gui/shell/files.py" line="231" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="211" />
        <source>PNG, 1× (*.png)</source>
        <translation>PNG，1 倍 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="212" />
        <source>PNG, 2× for slides (*.png)</source>
        <translation>PNG，2 倍，用于幻灯片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="213" />
        <source>PNG, 3× (*.png)</source>
        <translation>PNG，3 倍 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="216" />
        <location filename="../../gui/shell/files.py" line="227" />
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="228" />
        <source>The picture could not be saved.</source>
        <translation>无法保存图片。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="262" />
        <location filename="../../gui/shell/files.py" line="288" />
        <source>The file could not be opened.</source>
        <translation>无法打开该文件。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="293" />
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="294" />
        <source>GradLab opens sessions (.gradlab) and points (.csv, .tsv, .txt).</source>
        <translation>GradLab 可以打开会话（.gradlab）和数据点文件（.csv、.tsv、.txt）。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="240" />
        <source>GradLab 梯度实验室</source>
        <translation>梯度实验室 GradLab</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="368" />
        <source>&amp;New session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="369" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="370" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="371" />
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="372" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="373" />
        <source>&amp;Export picture of this lab…</source>
        <translation>导出本实验室的图片(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="375" />
        <source>Save the current lab as PNG or SVG. Right-click any 2D plot to export just that plot (PNG, SVG or CSV).</source>
        <translation>将当前实验室保存为 PNG 或 SVG 图片。右键单击任意二维图可只导出该图（PNG、SVG 或 CSV）。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="377" />
        <source>Gradient Descent</source>
        <translation>梯度下降法</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="378" />
        <source>Regression</source>
        <translation>回归分析</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="379" />
        <source>Chain Rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="266" />
        <source>This lab is not available yet.</source>
        <translation>该实验室暂不可用。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/autosave.py" line="85" />
        <source>Another GradLab window is open. This window keeps its work in its own autosave file ({0}).</source>
        <translation>另一个梯度实验室窗口已经打开。本窗口把工作自动保存在自己的文件中（{0}）。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/autosave.py" line="92" />
        <source>too many GradLab windows are open</source>
        <translation>打开的梯度实验室窗口太多</translation>
    </message>
    <message>
        <location filename="../../gui/shell/autosave.py" line="124" />
        <source>Autosave works again.</source>
        <translation>自动保存已恢复正常。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/autosave.py" line="154" />
        <source>Your last session could not be restored: {0} GradLab started with the defaults.</source>
        <translation>无法恢复上次的工作：{0} 梯度实验室已使用默认设置启动。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/autosave.py" line="159" />
        <source>The file was kept as {0}.</source>
        <translation>原文件已保留为 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="55" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="57" />
        <source>Untitled session</source>
        <translation>未命名会话</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="59" />
        <source>Save the changes to “{0}”?</source>
        <translation>是否保存对“{0}”的更改？</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="62" />
        <source>If you don't save, your work is still kept: GradLab reopens it the next time it starts.</source>
        <translation>即使不保存，你的工作也会保留：梯度实验室下次启动时会重新打开它。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="70" />
        <source>Your work could not be kept automatically ({0}). If you don't save it now, it is lost.</source>
        <translation>无法自动保留你的工作（{0}）。如果现在不保存，它将会丢失。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="78" />
        <source>If you don't save, your changes are lost.</source>
        <translation>如果不保存，你的更改将会丢失。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="88" />
        <source>Quit without saving</source>
        <translation>不保存并退出</translation>
    </message>
    <message>
        <location filename="../../gui/shell/files.py" line="130" />
        <source>This file no longer exists.</source>
        <translation>该文件已不存在。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="132" />
        <source>Zoom {percent} %</source>
        <translation>缩放 {percent} %</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="353" />
        <source>No Chinese font is installed, so Chinese text may show as boxes. Install one, e.g. the package fonts-noto-cjk or fonts-wqy-microhei.</source>
        <translation>未安装中文字体，中文可能显示为方框。请安装一个中文字体，例如软件包 fonts-noto-cjk 或 fonts-wqy-microhei。</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="385" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="386" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="387" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="388" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="389" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="390" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="391" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="392" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="393" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="394" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="395" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="396" />
        <source>Surface &amp;resolution</source>
        <translation>曲面分辨率(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="397" />
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="398" />
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="399" />
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="400" />
        <source>&amp;Presentation (150 %, thicker lines)</source>
        <translation>演示模式（150 %，线条加粗）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="401" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="402" />
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="402" />
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="403" />
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="404" />
        <source>Run to &amp;end</source>
        <translation>运行到底(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="404" />
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="406" />
        <source>Lesso&amp;ns</source>
        <translation>课程(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="409" />
        <source>Show lesson &amp;panel</source>
        <translation>显示课程面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="410" />
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="411" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="412" />
        <source>&amp;About GradLab</source>
        <translation>关于梯度实验室(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="423" />
        <source>About GradLab</source>
        <translation>关于梯度实验室</translation>
    </message>
    <message>
        <location filename="../../gui/shell/about.py" line="18" />
        <source>GradLab {version}</source>
        <translation>梯度实验室 GradLab {version}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/about.py" line="19" />
        <source>GradLab 梯度实验室: the chain rule, gradient descent and least squares, to touch.</source>
        <translation>梯度实验室：动手体验链式法则、梯度下降法和最小二乘法。</translation>
    </message>
</context>
<context>
    <name>MultiSection</name>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="68" />
        <source>Move x</source>
        <translation>移动 x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="69" />
        <source>Move y</source>
        <translation>移动 y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="82" />
        <source>Choose ∂z/∂x</source>
        <translation>选择 ∂z/∂x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="84" />
        <source>Choose ∂z/∂y</source>
        <translation>选择 ∂z/∂y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="122" />
        <source>Edit z = f(u, v)</source>
        <translation>编辑 z = f(u, v)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="122" />
        <source>Edit u(x, y)</source>
        <translation>编辑 u(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="123" />
        <source>Edit v(x, y)</source>
        <translation>编辑 v(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="129" />
        <source>Choose a preset</source>
        <translation>选择预设</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="147" />
        <source>z = f(u, v), u = u(x, y), v = v(x, y)</source>
        <translation>z = f(u, v)，u = u(x, y)，v = v(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="148" />
        <source>Point (x, y)</source>
        <translation>点 (x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="149" />
        <source>Which derivative?</source>
        <translation>求哪个偏导数？</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="150" />
        <source>Choose example functions z = f(u, v), u(x, y), v(x, y)</source>
        <translation>选择示例函数 z = f(u, v)、u(x, y)、v(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="152" />
        <source>The outer function z = f(u, v): it gives ∂z/∂u and ∂z/∂v</source>
        <translation>外层函数 z = f(u, v)：由它得到 ∂z/∂u 和 ∂z/∂v</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="154" />
        <source>The inner function u(x, y): it gives ∂u/∂x and ∂u/∂y</source>
        <translation>内层函数 u(x, y)：由它得到 ∂u/∂x 和 ∂u/∂y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="156" />
        <source>The inner function v(x, y): it gives ∂v/∂x and ∂v/∂y</source>
        <translation>内层函数 v(x, y)：由它得到 ∂v/∂x 和 ∂v/∂y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="158" />
        <source>x of the point (x, y) where all partial derivatives are evaluated</source>
        <translation>计算所有偏导数的点 (x, y) 的 x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="160" />
        <source>y of the point (x, y) where all partial derivatives are evaluated</source>
        <translation>计算所有偏导数的点 (x, y) 的 y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="162" />
        <source>Show ∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x: the paths from x to z</source>
        <translation>显示 ∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x：从 x 到 z 的各条路径</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="164" />
        <source>Show ∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y: the paths from y to z</source>
        <translation>显示 ∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y：从 y 到 z 的各条路径</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="166" />
        <source>Multivariable chain rule: a sum over the paths</source>
        <translation>多变量函数的链式法则：对各条路径求和</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="176" />
        <source>path through u</source>
        <translation>经过 u 的路径</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="178" />
        <source>path through v</source>
        <translation>经过 v 的路径</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="180" />
        <source>does not contribute</source>
        <translation>没有贡献</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="168" />
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="229" />
        <source>Computation graph of z = f(u(x, y), v(x, y))</source>
        <translation>z = f(u(x, y), v(x, y)) 的计算图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="256" />
        <source>agrees ✔</source>
        <translation>一致 ✔</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="256" />
        <source>differs ✘</source>
        <translation>不一致 ✘</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/multi.py" line="257" />
        <source>Direct differentiation of z(x, y) = {z}:</source>
        <translation>直接对 z(x, y) = {z} 求偏导：</translation>
    </message>
</context>
<context>
    <name>MyLinePanel</name>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="79" />
        <source>My line</source>
        <extracomment>the sliders span the best (k, b) ± 3 times the data's natural spreads</extracomment>
        <translation>我的直线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="99" />
        <source>Add some points first.</source>
        <translation>请先添加一些数据点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="105" />
        <source>&lt;span style='color:{cm}'&gt;My line: SSE = &lt;b&gt;{mine}&lt;/b&gt;&lt;/span&gt;&lt;br&gt;&lt;span style='color:{cf}'&gt;Best line: SSE = &lt;b&gt;{best}&lt;/b&gt;&lt;/span&gt;&lt;br&gt;Mine is larger by {more} ({ratio}× the best). Least squares means: no other line has a smaller sum of squares.</source>
        <translation>&lt;span style='color:{cm}'&gt;我的直线：SSE = &lt;b&gt;{mine}&lt;/b&gt;&lt;/span&gt;&lt;br&gt;&lt;span style='color:{cf}'&gt;最佳直线：SSE = &lt;b&gt;{best}&lt;/b&gt;&lt;/span&gt;&lt;br&gt;我的大了 {more}（是最佳的 {ratio} 倍）。最小二乘的意思是：没有哪条直线的平方和更小。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="115" />
        <source>Set the slope k and the intercept b of your own line, or drag its two square handles in the plot. Can you make its sum of squared errors as small as the best fit's?</source>
        <translation>设置你自己的直线的斜率 k 和截距 b，或者在图中拖动直线上的两个方形手柄。你能让它的误差平方和和最佳拟合一样小吗？</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="118" />
        <source>Put my line on the best fit</source>
        <translation>把我的直线放到最佳拟合上</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="119" />
        <source>Slope k of my line y = kx + b</source>
        <translation>我的直线 y = kx + b 的斜率 k</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="120" />
        <source>Intercept b of my line y = kx + b: its height at x = 0</source>
        <translation>我的直线 y = kx + b 的截距 b：它在 x = 0 处的高度</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/my_line.py" line="123" />
        <source>Set my k and b to the least-squares values: the minimum of C(k, b)</source>
        <translation>把我的 k 和 b 设为最小二乘法的值：C(k, b) 的最小值点</translation>
    </message>
</context>
<context>
    <name>NeuronSection</name>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="101" />
        <source>Change η</source>
        <extracomment>view state, not saved: how many backward steps are shown</extracomment>
        <translation>修改 η</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="181" />
        <location filename="../../gui/labs/chain/neuron.py" line="234" />
        <source>Gradient-descent step</source>
        <translation>梯度下降一步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="184" />
        <source>Change {name}</source>
        <translation>修改 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="189" />
        <source>Choose the activation</source>
        <translation>选择激活函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="198" />
        <source>Neuron y = a(w1·x1 + w2·x2 + b), C = ½(t − y)²</source>
        <translation>神经元 y = a(w1·x1 + w2·x2 + b)，C = ½(t − y)²</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="199" />
        <location filename="../../gui/labs/chain/neuron.py" line="208" />
        <source>activation a</source>
        <translation>激活函数 a</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="200" />
        <source>sigmoid σ(z)</source>
        <translation>sigmoid σ(z)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="200" />
        <source>tanh(z)</source>
        <translation>tanh(z)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="201" />
        <source>ReLU max(0, z)</source>
        <translation>ReLU max(0, z)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="201" />
        <source>identity z</source>
        <translation>恒等函数 z</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="204" />
        <source>Backpropagation</source>
        <translation>误差反向传播</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="206" />
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="209" />
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="210" />
        <source>One backward step back: hide the last local derivative</source>
        <translation>反向传播退回一步：隐藏最后一个局部导数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="212" />
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="213" />
        <source>Next backward step: multiply in one more local derivative by the chain rule, from C towards w1, w2, b</source>
        <translation>反向传播下一步：按链式法则再乘上一个局部导数，从 C 走向 w1、w2、b</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="216" />
        <source>Backpropagate</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="217" />
        <source>Show all backward steps: ∂C/∂w1, ∂C/∂w2 and ∂C/∂b at once</source>
        <translation>显示所有反向步骤：一次得到 ∂C/∂w1、∂C/∂w2 和 ∂C/∂b</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="219" />
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="220" />
        <source>Hide the backward steps and start again from C</source>
        <translation>隐藏反向步骤，从 C 重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="221" />
        <source>Activation function a in y = a(z), z = w1·x1 + w2·x2 + b</source>
        <translation>y = a(z)、z = w1·x1 + w2·x2 + b 中的激活函数 a</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="223" />
        <source>Weight w1 in z = w1·x1 + w2·x2 + b</source>
        <translation>z = w1·x1 + w2·x2 + b 中的权重 w1</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="224" />
        <source>Weight w2 in z = w1·x1 + w2·x2 + b</source>
        <translation>z = w1·x1 + w2·x2 + b 中的权重 w2</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="225" />
        <source>Bias b in z = w1·x1 + w2·x2 + b</source>
        <translation>z = w1·x1 + w2·x2 + b 中的偏置 b</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="226" />
        <source>Input x1 in z = w1·x1 + w2·x2 + b</source>
        <translation>z = w1·x1 + w2·x2 + b 中的输入 x1</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="227" />
        <source>Input x2 in z = w1·x1 + w2·x2 + b</source>
        <translation>z = w1·x1 + w2·x2 + b 中的输入 x2</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="228" />
        <source>Target t in the cost C = ½(t − y)²</source>
        <translation>代价函数 C = ½(t − y)² 中的目标值 t</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="232" />
        <source>Gradient descent on w1, w2, b</source>
        <translation>对 w1、w2、b 做梯度下降</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="233" />
        <source>Learning rate η in p ← p − η·∂C/∂p for p = w1, w2, b</source>
        <translation>p ← p − η·∂C/∂p（p = w1, w2, b）中的学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="235" />
        <source>Update w1, w2 and b once, all at the same time: p ← p − η·∂C/∂p</source>
        <translation>把 w1、w2 和 b 同时更新一次：p ← p − η·∂C/∂p</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="237" />
        <source>∂C/∂parameter: reverse mode, sympy and finite differences</source>
        <translation>∂C/∂参数：反向模式、sympy 与有限差分</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="239" />
        <source>Chain rule: ∂C/∂p = ∂C/∂y · ∂y/∂z · ∂z/∂p, the product of the local derivatives at this point</source>
        <translation>链式法则：∂C/∂p = ∂C/∂y · ∂y/∂z · ∂z/∂p，即当前点处各局部导数的乘积</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="297" />
        <source>Computation graph of the neuron</source>
        <translation>神经元的计算图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/cost_plot.py" line="39" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/cost_plot.py" line="48" />
        <source>Cost C per gradient-descent step</source>
        <translation>每步梯度下降后的代价 C</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="322" />
        <source>Step {k} of {n}</source>
        <translation>第 {k} 步（共 {n} 步）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="324" />
        <source>Press “Step ▶” to walk backwards through the graph, one edge at a time, or “Backpropagate” to fill in every ∂C/∂node.</source>
        <translation>按“单步 ▶”沿计算图一次向后走一条边，或按“反向传播”一次填好每个 ∂C/∂节点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="327" />
        <source>Start at the output: ∂C/∂C = 1.</source>
        <translation>从输出开始：∂C/∂C = 1。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="330" />
        <source>complete</source>
        <translation>已完整</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="330" />
        <source>partial: more paths to add</source>
        <translation>不完整：还有路径要累加</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="331" />
        <source>edge {a} → {b}</source>
        <translation>边 {a} → {b}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="332" />
        <source>local derivative</source>
        <translation>局部导数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="344" />
        <source>{a} if {cond} else {b}</source>
        <translation>当 {cond} 时为 {a}，否则为 {b}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="386" />
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="386" />
        <source>reverse mode</source>
        <translation>反向模式</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="386" />
        <source>sympy</source>
        <translation>sympy</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="387" />
        <source>finite difference</source>
        <translation>有限差分</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="404" />
        <source>z = 0 is the kink of ReLU: max(0, z) has no derivative there. Backpropagation and sympy both take relu′(0) = 0 (the usual convention), while the central finite difference averages the slopes 0 and 1 of both sides (½). Move z away from 0 and all three agree.</source>
        <translation>z = 0 是 ReLU 的折点：max(0, z) 在这里不可导。误差反向传播和 sympy 都按惯例取 relu′(0) = 0，而中心差分取两侧斜率 0 和 1 的平均值（½）。让 z 离开 0，三者就一致了。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/neuron.py" line="408" />
        <source>C = {c}, y = {y}, target t = {t}</source>
        <translation>C = {c}，y = {y}，目标值 t = {t}</translation>
    </message>
</context>
<context>
    <name>OptimizerBox</name>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="85" />
        <source>Choose optimizers</source>
        <translation>选择优化器</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="89" />
        <source>{opt} settings</source>
        <translation>{opt} 参数设置</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="114" />
        <source>Not a valid value for {k}</source>
        <translation>{k} 的值无效</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="149" />
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="149" />
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="150" />
        <source>Dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="150" />
        <source>Weight decay λ</source>
        <translation>权重衰减 λ</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="151" />
        <source>η decay</source>
        <translation>η 衰减</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="151" />
        <source>Smoothing α</source>
        <translation>平滑常数 α</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="152" />
        <source>Initial sum</source>
        <translation>初始累加值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="155" />
        <source>{word} ({name})</source>
        <translation>{word}（{name}）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="162" />
        <source>Learning rate η of {opt}: the size of each step Δθ = −η·(…)</source>
        <translation>{opt} 的学习率 η：每一步 Δθ = −η·(…) 的大小</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="163" />
        <source>Momentum μ in v ← μv + ∇f(θ): how much of the last velocity is kept (0 = none)</source>
        <translation>v ← μv + ∇f(θ) 中的动量 μ：保留上一步速度的比例（0 = 不保留）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="165" />
        <source>Dampening: v ← μv + (1 − dampening)·∇f(θ)</source>
        <translation>阻尼：v ← μv + (1 − dampening)·∇f(θ)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="166" />
        <source>Weight decay λ: adds λθ to the gradient, pulling θ towards 0</source>
        <translation>权重衰减 λ：在梯度上加 λθ，把 θ 拉向 0</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="168" />
        <source>Learning-rate decay: η is divided by 1 + (k − 1)·decay at step k</source>
        <translation>学习率衰减：第 k 步时 η 除以 1 + (k − 1)·decay</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="170" />
        <source>Starting value of the sum of squared gradients</source>
        <translation>梯度平方和的初始值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="172" />
        <source>ε: a small number added to the denominator so it is never 0</source>
        <translation>ε：加到分母上的一个小数，使分母永不为 0</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="173" />
        <source>Smoothing constant α of the moving average of ∇f²</source>
        <translation>∇f² 滑动平均的平滑常数 α</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="174" />
        <source>β₁, β₂: decay rates of the moving averages m of ∇f and v of ∇f²</source>
        <translation>β₁, β₂：∇f 的滑动平均 m 和 ∇f² 的滑动平均 v 的衰减率</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="182" />
        <source>Setting {k} of {opt}</source>
        <translation>{opt} 的设置 {k}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="186" />
        <source>Plain gradient descent, the chapter's rule: θ ← θ − η∇f(θ).</source>
        <translation>普通梯度下降法，即本章的公式：θ ← θ − η∇f(θ)。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="187" />
        <source>Momentum: v ← μv + ∇f(θ), θ ← θ − ηv; the velocity v carries the point through narrow valleys.</source>
        <translation>动量法：v ← μv + ∇f(θ)，θ ← θ − ηv；速度 v 带着点穿过狭窄的山谷。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="189" />
        <source>Nesterov momentum: like momentum, but ∇f is taken at the look-ahead point θ − ημv.</source>
        <translation>Nesterov 动量：与动量法相同，但 ∇f 在前瞻点 θ − ημv 处计算。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="191" />
        <source>AdaGrad: each coordinate's step η·∂f/∂θᵢ is divided by the root of the sum of its past squared gradients.</source>
        <translation>AdaGrad：每个坐标的步长 η·∂f/∂θᵢ 除以该坐标以往梯度平方和的平方根。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="193" />
        <source>RMSProp: each coordinate's step η·∂f/∂θᵢ is divided by the root of a moving average of its squared gradients.</source>
        <translation>RMSProp：每个坐标的步长 η·∂f/∂θᵢ 除以该坐标梯度平方滑动平均的平方根。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="195" />
        <source>Adam: moving averages m of ∇f and v of ∇f²; step Δθ = −η·m̂/(√v̂ + ε).</source>
        <translation>Adam：∇f 的滑动平均 m 和 ∇f² 的滑动平均 v；步长 Δθ = −η·m̂/(√v̂ + ε)。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="200" />
        <source>The optimizer whose settings (η, μ, β₁, β₂, ε …) are edited below</source>
        <translation>在下面编辑其设置（η, μ, β₁, β₂, ε …）的优化器</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="203" />
        <source>Optimizers (all from the same start)</source>
        <translation>优化器（都从同一起点出发）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="204" />
        <source>Settings of</source>
        <translation>参数设置：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="205" />
        <source>Settings of optimizer</source>
        <translation>要设置参数的优化器</translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="227" />
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{note}&lt;br&gt;&lt;i&gt;Source:&lt;/i&gt; {source}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{note}&lt;br&gt;&lt;i&gt;来源：&lt;/i&gt;{source}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="232" />
        <source>&lt;b&gt;Your own data&lt;/b&gt;&lt;br&gt;Click in the plot to add points, or type them into the table.</source>
        <translation>&lt;b&gt;自己的数据&lt;/b&gt;&lt;br&gt;在图中单击添加数据点，或在表格中输入。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="239" />
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="240" />
        <source>Points table</source>
        <translation>数据点表格</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="242" />
        <source>Type or paste (Ctrl+V) the points; Ctrl+C copies the selected rows. Tab or Enter in the last cell adds a row.</source>
        <translation>输入或粘贴（Ctrl+V）数据点；Ctrl+C 复制选中的行。在最后一个单元格按 Tab 或 Enter 会添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="244" />
        <source>Remove selected rows</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="245" />
        <source>Add a point (xᵢ, yᵢ) at the end of the table</source>
        <translation>在表格末尾添加一个数据点 (xᵢ, yᵢ)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/points_table.py" line="246" />
        <source>Remove the selected points from the data and from the sum C</source>
        <translation>从数据和总和 C 中删除选中的数据点</translation>
    </message>
</context>
<context>
    <name>RangeBox</name>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="36" />
        <source>A plot range needs two finite numbers 'from' &lt; 'to' (at most 10⁶ in size).</source>
        <translation>绘图范围需要两个有限的数，且“下限” &lt; “上限”（绝对值不超过 10⁶）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="43" />
        <source>Plot range of {v}</source>
        <translation>{v} 的绘图范围</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="55" />
        <source>Move start point</source>
        <translation>移动起点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="65" />
        <source>Drag start point</source>
        <translation>拖动起点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="133" />
        <source>{v} from</source>
        <translation>{v} 下限</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="134" />
        <source>{v} to</source>
        <translation>{v} 上限</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="135" />
        <source>{v} start</source>
        <translation>{v} 起点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="136" />
        <source>Left end of the plot range of {v}</source>
        <translation>{v} 的绘图范围左端</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="137" />
        <source>Right end of the plot range of {v}</source>
        <translation>{v} 的绘图范围右端</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="138" />
        <source>Start value of {v} in θ₀: every optimizer starts its descent here (or click the contour plot).</source>
        <translation>起点 θ₀ 中 {v} 的值：每个优化器都从这里开始下降（也可以点击等高线图）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="142" />
        <source>Plot range and start point</source>
        <translation>绘图范围和起点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="143" />
        <source>from</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="143" />
        <source>to</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/ranges.py" line="143" />
        <source>start</source>
        <translation>起点</translation>
    </message>
</context>
<context>
    <name>Refresher</name>
    <message>
        <location filename="../../gui/labs/regression/refresh.py" line="49" />
        <source>The view could not be updated: {error}</source>
        <translation>视图无法更新：{error}</translation>
    </message>
</context>
<context>
    <name>RegressionLab</name>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="210" />
        <location filename="../../gui/labs/regression/lab.py" line="268" />
        <source>My line</source>
        <translation>我的直线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="210" />
        <source>Points</source>
        <extracomment>widgets shown by the lab under their old names (tests, the bench, lessons)</extracomment>
        <translation>数据点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="211" />
        <source>Cost surface</source>
        <translation>代价曲面</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="211" />
        <source>Fit by gradient descent</source>
        <translation>用梯度下降法拟合</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="224" />
        <source>empty</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="225" />
        <source>Load data set {name}</source>
        <translation>载入数据集 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="233" />
        <source>Set points</source>
        <translation>设置数据点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="243" />
        <source>Degree {d}</source>
        <translation>次数 {d}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="332" />
        <source>Add point ({x}, {y})</source>
        <translation>添加点 ({x}, {y})</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="341" />
        <source>Remove point</source>
        <translation>删除点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="342" />
        <source>Remove {n} points</source>
        <translation>删除 {n} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="352" />
        <source>Edit point {i}</source>
        <translation>编辑第 {i} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="382" />
        <source>Move point {i}</source>
        <translation>移动第 {i} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="272" />
        <source>Display options</source>
        <translation>显示选项</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/lab.py" line="278" />
        <source>Optimizer settings</source>
        <translation>优化器设置</translation>
    </message>
</context>
<context>
    <name>RegressionMessages</name>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="27" />
        <source>Heights and weights of 8 girls</source>
        <extracomment>the lab's digits: the chapter's precision (y = 0.75141243x + 124.29802) at most this many bad lines are listed in a CSV error message</extracomment>
        <translation>女生的身高体重数据</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="29" />
        <source>Anscombe's quartet I</source>
        <translation>安斯库姆四重奏 I</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="30" />
        <source>Anscombe's quartet II</source>
        <translation>安斯库姆四重奏 II</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="31" />
        <source>Anscombe's quartet III</source>
        <translation>安斯库姆四重奏 III</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="32" />
        <source>Anscombe's quartet IV</source>
        <translation>安斯库姆四重奏 IV</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="33" />
        <source>Average heights and weights of American women (1975)</source>
        <translation>美国女性的平均身高与体重（1975）</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="35" />
        <source>Speed and stopping distance of cars (1920s)</source>
        <translation>汽车的速度与刹车距离（1920年代）</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="43" />
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="44" />
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="48" />
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="49" />
        <source>Stopping distance</source>
        <translation>刹车距离</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="55" />
        <source>All four sets of Anscombe's quartet have almost the same line y ≈ 3.00 + 0.500x and r ≈ 0.816, yet look completely different: always plot the data. {set}</source>
        <translation>安斯库姆四重奏的四组数据几乎有相同的回归直线 y ≈ 3.00 + 0.500x 和相关系数 r ≈ 0.816，但图形完全不同：一定要先画图看数据。 {set}</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="60" />
        <source>The chapter's example: fit height = k·weight + b by least squares.</source>
        <translation>本章的例子：用最小二乘法拟合 身高 = k·体重 + b。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="63" />
        <source>Set I: a line is a fair model.</source>
        <translation>第 I 组：直线是合理的模型。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="65" />
        <source>Set II: a smooth curve — try degree 2.</source>
        <translation>第 II 组：是一条曲线——试试二次多项式。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="67" />
        <source>Set III: a perfect line except one outlier.</source>
        <translation>第 III 组：除了一个离群点外完全在一条直线上。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="69" />
        <source>Set IV: one point alone decides the slope — drag it and watch.</source>
        <translation>第 IV 组：斜率完全由一个点决定——拖动它看看。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="72" />
        <source>Almost a line (R² ≈ 0.991), but the residuals curve: a parabola fits noticeably better.</source>
        <translation>几乎是一条直线（R² ≈ 0.991），但残差呈弯曲状：抛物线拟合得明显更好。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="76" />
        <source>50 noisy measurements: dist ≈ 3.93·speed − 17.6, R² ≈ 0.65.</source>
        <translation>50 个有噪声的测量值：距离 ≈ 3.93·速度 − 17.6，R² ≈ 0.65。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="86" />
        <source>The chapter 深度学习 | 掌握神经网络的法宝（一） (Deep learning: the tools for mastering neural networks, part 1), section 3.4, Python example.</source>
        <translation>本章《深度学习 | 掌握神经网络的法宝（一）》第 3.4 节的 Python 示例。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="90" />
        <source>The World Almanac and Book of Facts, 1975: average weights for American women aged 30–39; as distributed in R's datasets package (data set 'women').</source>
        <translation>The World Almanac and Book of Facts（1975 年）：30–39 岁美国女性的平均体重；取自 R 语言 datasets 包（数据集 'women'）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="95" />
        <source>M. Ezekiel, Methods of Correlation Analysis, Wiley (1930); recorded in the 1920s; as distributed in R's datasets package (data set 'cars').</source>
        <translation>M. Ezekiel, Methods of Correlation Analysis, Wiley（1930 年）；记录于 1920 年代；取自 R 语言 datasets 包（数据集 'cars'）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="118" />
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="127" />
        <source>expected {m} columns like the rows above, found {n}</source>
        <translation>应与上面的行一样有 {m} 列，实际有 {n} 列</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="131" />
        <source>expected 2 columns (x and y), found {n}</source>
        <translation>应为 2 列（x 和 y），实际为 {n} 列</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="134" />
        <source>the header has {n} columns, expected 2 (x and y)</source>
        <translation>表头有 {n} 列，应为 2 列（x 和 y）</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="138" />
        <source>a quotation mark " is opened and never closed</source>
        <translation>引号 " 没有闭合</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="141" />
        <source>this is not a text file (CSV, TSV or TXT); in Excel or WPS, use Save As → CSV</source>
        <translation>这不是文本文件（CSV、TSV 或 TXT）；请在 Excel 或 WPS 中用“另存为 → CSV”</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="145" />
        <source>there is no column {name}; the file has {n} columns</source>
        <translation>没有{name}；文件只有 {n} 列</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="149" />
        <source>two columns of numbers are needed (x and y), the file has {n}</source>
        <translation>需要两列数字（x 和 y），文件只有 {n} 列</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="154" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="158" />
        <source>{name} value {value} is not a finite number</source>
        <translation>{name} 值 {value} 不是有限的数</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="161" />
        <source>{name} value {value} is not a number</source>
        <translation>{name} 值 {value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="171" />
        <source>The points were not changed: the text has no rows with two numbers x and y.</source>
        <translation>数据点没有改变：文本中没有包含 x、y 两个数的行。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="175" />
        <source>The points were not changed: {problem}.</source>
        <translation>数据点没有改变：{problem}。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="182" />
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="189" />
        <source>… and {n} more</source>
        <translation>… 还有 {n} 处</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="191" />
        <source>The points were not changed. These rows could not be read:</source>
        <translation>数据点没有改变。以下各行无法读取：</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="212" />
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="213" />
        <source>line</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="214" />
        <source>parabola</source>
        <translation>抛物线</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="215" />
        <source>cubic</source>
        <translation>三次曲线</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="216" />
        <source>degree-{d} polynomial</source>
        <translation>{d} 次多项式</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="222" />
        <source>1 parameter</source>
        <translation>1 个参数</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="223" />
        <source>{p} parameters</source>
        <translation>{p} 个参数</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="224" />
        <source>1 point</source>
        <translation>1 个点</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="225" />
        <source>{n} points</source>
        <translation>{n} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="226" />
        <source>{params}, {points}</source>
        <translation>{params}，{points}</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="239" />
        <source>No points yet: click in the plot to add some. A constant has 1 parameter, so it needs more than 1 point to be determined (chapter 3.5).</source>
        <translation>还没有数据点：在图中单击添加。常数有 1 个参数，需要多于 1 个数据点才能确定（第 3.5 节）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="243" />
        <source>No points yet: click in the plot to add some. A {model} has {p} parameters, so it needs more than {p} points to be determined (chapter 3.5).</source>
        <translation>还没有数据点：在图中单击添加。{model}有 {p} 个参数，需要多于 {p} 个数据点才能确定（第 3.5 节）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="250" />
        <source>1 point and 1 parameter: the constant passes through the point exactly, so the error is zero — nothing was really fitted. To determine a model you need more points than parameters (chapter 3.5).</source>
        <translation>1 个点、1 个参数：常数恰好穿过这个点，误差为零——其实什么也没有拟合。要确定一个模型，数据点必须多于参数（第 3.5 节）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="255" />
        <source>{n} points and {p} parameters: the {model} passes through every point exactly, so the error is zero — nothing was really fitted. To determine a model you need more points than parameters (chapter 3.5).</source>
        <translation>{n} 个点、{p} 个参数：{model}恰好穿过每一个点，误差为零——其实什么也没有拟合。要确定一个模型，数据点必须多于参数（第 3.5 节）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="262" />
        <source>1 point cannot determine a line (2 parameters): every line through it has zero error (grey lines). The cost surface is a flat valley with no single lowest point; the horizontal line is shown.</source>
        <translation>1 个点无法确定一条直线（2 个参数）：穿过它的每一条直线误差都是零（灰线）。代价曲面是一条平坦的山谷，没有唯一的最低点；图中显示的是水平线。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="268" />
        <source>1 point cannot determine a {model} ({p} parameters): infinitely many of them pass through it with zero error (grey curves); the simplest one is shown.</source>
        <translation>1 个点无法确定{model}（{p} 个参数）：有无穷多条穿过它、误差为零的曲线（灰色曲线）；图中显示的是最简单的一条。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="273" />
        <source>{n} points cannot determine a {model} ({p} parameters): infinitely many of them pass through all the points with zero error (grey curves); the simplest one is shown.</source>
        <translation>{n} 个点无法确定{model}（{p} 个参数）：有无穷多条穿过所有点、误差为零的曲线（灰色曲线）；图中显示的是最简单的一条。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="279" />
        <source>{n} points all at the same x cannot determine a {model} ({p} parameters): infinitely many share the same smallest error (grey curves); the simplest one is shown.</source>
        <translation>{n} 个点都在同一个 x 上，无法确定{model}（{p} 个参数）：有无穷多条曲线的误差同样最小（灰色曲线）；图中显示的是最简单的一条。</translation>
    </message>
    <message>
        <location filename="../../gui/text/regression_messages.py" line="284" />
        <source>{n} points with only {d} different x values cannot determine a {model} ({p} parameters): infinitely many share the same smallest error (grey curves); the simplest one is shown.</source>
        <translation>{n} 个点只有 {d} 个不同的 x 值，无法确定{model}（{p} 个参数）：有无穷多条曲线的误差同样最小（灰色曲线）；图中显示的是最简单的一条。</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../gui/labs/regression/status.py" line="69" />
        <source>Best fit:</source>
        <translation>最佳拟合：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/status.py" line="70" />
        <source>My line:</source>
        <translation>我的直线：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/regression/status.py" line="132" />
        <source>{eq}    SSE = {sse}</source>
        <translation>{eq}    SSE = {sse}</translation>
    </message>
</context>
<context>
    <name>SingleSection</name>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="72" />
        <source>Edit y = f(u)</source>
        <translation>编辑 y = f(u)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="74" />
        <source>Edit u = g(x)</source>
        <translation>编辑 u = g(x)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="88" />
        <location filename="../../gui/labs/chain/single.py" line="167" />
        <location filename="../../gui/labs/chain/single.py" line="171" />
        <location filename="../../gui/labs/chain/single.py" line="192" />
        <source>Move x</source>
        <translation>移动 x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="90" />
        <source>Change Δx</source>
        <translation>修改 Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="156" />
        <source>Choose a preset</source>
        <translation>选择预设</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="223" />
        <source>Composite function y = f(g(x))</source>
        <translation>复合函数 y = f(g(x))</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="224" />
        <source>Point and step</source>
        <translation>点和增量</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="225" />
        <source>Approximation f(x + Δx) ≈ f(x) + f′(x)·Δx</source>
        <translation>近似公式 f(x + Δx) ≈ f(x) + f′(x)·Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="226" />
        <source>Chain rule: dy/dx = dy/du · du/dx</source>
        <translation>链式法则：dy/dx = dy/du · du/dx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="227" />
        <source>Functions: sin, cos, exp, ln, sqrt, sigmoid, tanh, … Powers with ^, e.g. u^2.</source>
        <translation>可用函数：sin、cos、exp、ln、sqrt、sigmoid、tanh 等。乘方用 ^，例如 u^2。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="229" />
        <source>Drag the orange point on the plot or click the plot to move x.</source>
        <translation>拖动图中的橙色点，或单击图像来移动 x。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="231" />
        <source>Choose an example composite function y = f(g(x))</source>
        <translation>选择一个示例复合函数 y = f(g(x))</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="232" />
        <source>The outer function y = f(u); its derivative dy/du is the first factor of dy/dx = dy/du · du/dx</source>
        <translation>外层函数 y = f(u)；它的导数 dy/du 是 dy/dx = dy/du · du/dx 的第一个因子</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="234" />
        <source>The inner function u = g(x); its derivative du/dx is the second factor of dy/dx = dy/du · du/dx</source>
        <translation>内层函数 u = g(x)；它的导数 du/dx 是 dy/dx = dy/du · du/dx 的第二个因子</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="236" />
        <source>The point x where dy/dx and the tangent line are evaluated (or drag the orange point)</source>
        <translation>计算 dy/dx 和切线的点 x（也可以拖动橙色的点）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="238" />
        <source>Step Δx in f(x + Δx) ≈ f(x) + f′(x)·Δx</source>
        <translation>近似公式 f(x + Δx) ≈ f(x) + f′(x)·Δx 中的步长 Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="239" />
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="214" />
        <source>y = f(g(x)) and its tangent line at x</source>
        <translation>y = f(g(x)) 及其在 x 处的切线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="248" />
        <source>tangent line, slope dy/dx</source>
        <translation>切线，斜率 dy/dx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="249" />
        <source>true change Δy</source>
        <translation>真实变化量 Δy</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="250" />
        <location filename="../../gui/labs/chain/single.py" line="354" />
        <source>approximate change f′(x)·Δx</source>
        <translation>近似变化量 f′(x)·Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="296" />
        <source>Graph of y = f(g(x)) with its tangent</source>
        <translation>y = f(g(x)) 的图像及其切线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="325" />
        <source>direct: d/dx f(g(x))</source>
        <translation>直接求导：d/dx f(g(x))</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="327" />
        <source>at x = {x}</source>
        <translation>在 x = {x} 处</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="328" />
        <source>formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="339" />
        <source>The values at this x are too large for floating-point numbers (beyond about 10³⁰⁸).</source>
        <translation>在这个 x 处，数值太大，超出了浮点数的范围（约 10³⁰⁸）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="342" />
        <source>f(g(x)) is undefined at this x.</source>
        <translation>f(g(x)) 在这个 x 处无定义。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="353" />
        <source>true change f(x+Δx) − f(x)</source>
        <translation>真实变化量 f(x+Δx) − f(x)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="355" />
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="356" />
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/single.py" line="364" />
        <source>Make Δx smaller: the error shrinks like Δx².</source>
        <translation>减小 Δx：误差按 Δx² 的量级缩小。</translation>
    </message>
</context>
<context>
    <name>StateMessages</name>
    <message>
        <location filename="../../gui/text/state_messages.py" line="13" />
        <source>Gradient Descent</source>
        <translation>梯度下降法</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="13" />
        <source>Regression</source>
        <translation>回归分析</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="14" />
        <source>Chain Rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="20" />
        <source>it is not a group of settings</source>
        <translation>它不是一组设置</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="21" />
        <source>it is not a list</source>
        <translation>它不是列表</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="22" />
        <source>it is not text</source>
        <translation>它不是文本</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="23" />
        <source>it is not a number</source>
        <translation>它不是数字</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="24" />
        <source>it is not a whole number</source>
        <translation>它不是整数</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="25" />
        <source>it is not true or false</source>
        <translation>它不是“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="26" />
        <source>it is not a finite number</source>
        <translation>它不是有限的数</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="27" />
        <source>the number is out of the allowed range</source>
        <translation>数值超出允许范围</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="28" />
        <source>it is not one of the allowed choices</source>
        <translation>它不是允许的选项之一</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="29" />
        <source>it is too long</source>
        <translation>它太长了</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="30" />
        <source>it has the wrong number of entries</source>
        <translation>它的项数不对</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="31" />
        <source>it is empty</source>
        <translation>它是空的</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="32" />
        <source>'from' must be less than 'to'</source>
        <translation>“从”必须小于“到”</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="33" />
        <source>the function cannot be read</source>
        <translation>无法读取该函数</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="34" />
        <source>it is nested too deeply</source>
        <translation>嵌套层数太多</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="35" />
        <source>GradLab could not apply it (an internal error)</source>
        <translation>梯度实验室无法应用它（内部错误）</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="44" />
        <source>The {lab} lab could not load this state: {reason}.</source>
        <translation>{lab}实验无法载入这一状态：{reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="46" />
        <source>The {lab} lab's setting “{field}” cannot be used: {reason}.</source>
        <translation>{lab}实验的设置“{field}”无法使用：{reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="52" />
        <source>This file is damaged or is not a GradLab session (it is not valid JSON).</source>
        <translation>该文件已损坏或不是梯度实验室会话文件（不是有效的 JSON）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="54" />
        <source>This is not a GradLab session file.</source>
        <translation>这不是梯度实验室的会话文件。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="55" />
        <source>This session was saved by a newer version of GradLab (format {0}); this version reads up to format {1}. Please update GradLab.</source>
        <translation>该会话由更新版本的梯度实验室保存（格式 {0}）；本版本最多只能读取格式 {1}。请更新梯度实验室。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="59" />
        <source>This file is too large to be a GradLab session.</source>
        <translation>该文件太大，不可能是梯度实验室会话文件。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="60" />
        <source>This is not a regular file (a folder or a device?).</source>
        <translation>这不是普通文件（是文件夹或设备？）。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="61" />
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../gui/text/state_messages.py" line="62" />
        <source>The session is too large to be saved and opened again (more than {0} MB). Remove some points first.</source>
        <translation>会话太大，保存后将无法再次打开（超过 {0} MB）。请先删除一些数据点。</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="49" />
        <source>converges</source>
        <translation>收敛</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="49" />
        <source>oscillates</source>
        <translation>来回震荡</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="50" />
        <source>slow</source>
        <translation>缓慢</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="50" />
        <source>diverges</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="54" />
        <source>{opt}: {k} steps · {status}</source>
        <translation>{opt}：{k} 步 · {status}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="64" />
        <source>Converged after {k} steps at {p}, f = {f}: ‖∇f‖ = {g} is below the tolerance {tol}.</source>
        <translation>{k} 步后收敛于 {p}，f = {f}：‖∇f‖ = {g} 小于容差 {tol}。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="68" />
        <source>Stopped after {k} steps at {p}, f = {f}: f changed by less than {tol} in the last step, but ‖∇f‖ is still {g} — maybe not the exact minimum yet.</source>
        <translation>{k} 步后停在 {p}，f = {f}：最后一步 f 的变化小于 {tol}，但 ‖∇f‖ 仍为 {g}——可能尚未到达最小值。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="73" />
        <source>Stopped at the maximum of {k} steps at {p}, f = {f}: not converged yet (‖∇f‖ = {g}).</source>
        <translation>达到最大步数 {k}，停在 {p}，f = {f}：尚未收敛（‖∇f‖ = {g}）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="76" />
        <source>Diverged after {k} steps: the point or f blew up.</source>
        <translation>{k} 步后发散：点或 f 的数值爆炸。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="78" />
        <source>f or its gradient is undefined at the start point {p}: choose another start.</source>
        <translation>f 或其梯度在起点 {p} 处无定义：请换一个起点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="80" />
        <source>After {k} steps the point {p} left the region where f is defined.</source>
        <translation>{k} 步后，点 {p} 离开了 f 的定义域。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="90" />
        <source>η = {eta} is above 2/λmax ≈ {bound} here: each step overshoots further.</source>
        <translation>η = {eta} 大于此处的 2/λmax ≈ {bound}：每一步都越过最低点更远。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="93" />
        <source>f fell without bound: it has no minimum in the direction the point went.</source>
        <translation>f 无限减小：在点移动的方向上 f 没有最小值。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="95" />
        <source>Each step overshoots more than the last: use a smaller learning rate.</source>
        <translation>每一步都比上一步越过得更远：请使用更小的学习率。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="98" />
        <source>The point jumps back and forth across the valley: η is near its upper limit.</source>
        <translation>点在山谷两侧来回震荡：η 已接近上限。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="101" />
        <source>Progress is slow: a larger learning rate would get there faster.</source>
        <translation>进展缓慢：增大学习率会更快到达。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/status.py" line="129" />
        <source>The start point lies outside the plotted range of {v}: widen the range (or click the plot) to see it and its path.</source>
        <translation>起点不在 {v} 的绘图范围内：扩大范围（或在图上点击）即可看到起点和路径。</translation>
    </message>
</context>
<context>
    <name>StepControls</name>
    <message>
        <location filename="../../gui/views/stepper.py" line="238" />
        <source>step {i} / {n}</source>
        <translation>第 {i} / {n} 步</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="241" />
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="244" />
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="242" />
        <source>One step forward: θₖ₊₁ = θₖ + Δθ with Δθ = −η∇f(θₖ) (→ or Space)</source>
        <translation>前进一步：θₖ₊₁ = θₖ + Δθ，其中 Δθ = −η∇f(θₖ)（→ 或空格）</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="245" />
        <source>One step back to θₖ₋₁ (←): exact, the run is recorded</source>
        <translation>后退一步到 θₖ₋₁（←）：精确的，整个过程已被记录</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="249" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="250" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="251" />
        <source>Run to end</source>
        <translation>运行到底</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="259" />
        <source>Play speed: how many steps per second while playing</source>
        <translation>播放速度：播放时每秒走多少步</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="260" />
        <source>Steps k advanced per frame while playing, for long runs</source>
        <translation>播放时每帧前进的步数 k，用于很长的迭代</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="253" />
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="247" />
        <source>Play the run step by step at the speed on the right; click again to pause (P)</source>
        <translation>按右边的速度一步一步播放；再点一次暂停（P）</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="252" />
        <source>Jump to where the run stopped: the last θₖ (End)</source>
        <translation>跳到迭代停止的位置：最后的 θₖ（End）</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="254" />
        <source>Back to the start point θ₀, k = 0 (Home)</source>
        <translation>回到起点 θ₀，k = 0（Home）</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="255" />
        <source>steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="258" />
        <source>×/frame</source>
        <translation>步/帧</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../gui/views/stepper.py" line="290" />
        <source>This step</source>
        <translation>当前步</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="313" />
        <source>&lt;i&gt;Run descent to see each step's arithmetic.&lt;/i&gt;</source>
        <translation>&lt;i&gt;运行梯度下降，查看每一步的计算过程。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="317" />
        <source>Step {k} → {k1}</source>
        <translation>第 {k} 步 → 第 {k1} 步</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="319" />
        <source>Step {k}: the run stopped here</source>
        <translation>第 {k} 步：迭代在此停止</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="334" />
        <source>Actual step of this run: Δθ = θ&lt;sub&gt;{k1}&lt;/sub&gt; − θ&lt;sub&gt;{k}&lt;/sub&gt;</source>
        <translation>本次运行的实际步长：Δθ = θ&lt;sub&gt;{k1}&lt;/sub&gt; − θ&lt;sub&gt;{k}&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="339" />
        <source>Update rule: {rule}</source>
        <translation>更新规则：{rule}</translation>
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="347" />
        <source>Δf ≈ ∇f·Δθ = {a} &amp;nbsp;&amp;nbsp; true Δf = {t}</source>
        <translation>Δf ≈ ∇f·Δθ = {a} &amp;nbsp;&amp;nbsp; 真实 Δf = {t}</translation>
    </message>
</context>
<context>
    <name>StepTable</name>
    <message>
        <location filename="../../gui/views/steptable.py" line="136" />
        <source>Export steps as CSV</source>
        <translation>将步骤导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/views/steptable.py" line="137" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/views/steptable.py" line="142" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/views/steptable.py" line="143" />
        <source>Step table</source>
        <translation>步骤表</translation>
    </message>
    <message>
        <location filename="../../gui/views/steptable.py" line="145" />
        <source>One row per step k: θₖ, f(θₖ), ∇f(θₖ) and the step Δθ</source>
        <translation>每一步 k 一行：θₖ、f(θₖ)、∇f(θₖ) 和步长 Δθ</translation>
    </message>
    <message>
        <location filename="../../gui/views/steptable.py" line="146" />
        <source>Save every step k with θₖ, f(θₖ), ∇f(θₖ) and Δθ as a CSV file</source>
        <translation>把每一步 k 的 θₖ、f(θₖ)、∇f(θₖ) 和 Δθ 保存为 CSV 文件</translation>
    </message>
</context>
<context>
    <name>StepTabs</name>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="100" />
        <source>Momentum: v ← μv + ∇f(θ), Δθ = −η·v</source>
        <translation>Momentum：v ← μv + ∇f(θ)，Δθ = −η·v</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="101" />
        <source>Nesterov: v ← μv + ∇f(θ), Δθ = −η·(∇f(θ) + μv)</source>
        <translation>Nesterov：v ← μv + ∇f(θ)，Δθ = −η·(∇f(θ) + μv)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="102" />
        <source>AdaGrad: G ← G + ∇f², Δθ = −η·∇f/(√G + ε)</source>
        <translation>AdaGrad：G ← G + ∇f²，Δθ = −η·∇f/(√G + ε)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="103" />
        <source>RMSProp: s ← αs + (1 − α)∇f², Δθ = −η·∇f/(√s + ε)</source>
        <translation>RMSProp：s ← αs + (1 − α)∇f²，Δθ = −η·∇f/(√s + ε)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="104" />
        <source>Adam: Δθ = −η·m̂/(√v̂ + ε)</source>
        <translation>Adam：Δθ = −η·m̂/(√v̂ + ε)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="108" />
        <source>This step</source>
        <translation>当前步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="109" />
        <source>Step table</source>
        <translation>步骤表</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="110" />
        <source>Show steps of:</source>
        <translation>显示以下优化器的步骤：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="111" />
        <source>Show steps of</source>
        <translation>显示以下优化器的步骤</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/steps.py" line="112" />
        <source>Whose steps the This step panel and the step table show: one of the selected optimizers</source>
        <translation>“当前步”面板和步骤表显示哪一个已选优化器的步骤</translation>
    </message>
</context>
<context>
    <name>StopBox</name>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="254" />
        <location filename="../../gui/labs/descent/controls.py" line="292" />
        <source>Stop rules</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="283" />
        <source>Stop when ‖∇f(θ)‖ &lt; this value (the point is flat: a minimum, saddle or plateau).</source>
        <translation>当 ‖∇f(θ)‖ &lt; 此值时停止（该点是平的：最小值、鞍点或平台）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="285" />
        <source>Also stop when |Δf| = |f(θₖ₊₁) − f(θₖ)| is below the value on the right (the chapter's rule: it can stop before the minimum).</source>
        <translation>当 |Δf| = |f(θₖ₊₁) − f(θₖ)| 小于右边的值时也停止（本章的规则：可能在到达最小值之前就停止）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="288" />
        <source>Stop when f changes by less than this in one step: |f(θₖ₊₁) − f(θₖ)| &lt; value.</source>
        <translation>当一步中 f 的变化小于此值时停止：|f(θₖ₊₁) − f(θₖ)| &lt; 此值。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="290" />
        <source>Stop after at most this many steps k, converged or not.</source>
        <translation>最多迭代这么多步 k 后停止，无论是否收敛。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="293" />
        <source>‖∇f‖ &lt;</source>
        <translation>‖∇f‖ &lt;</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="294" />
        <source>|Δf| &lt;</source>
        <translation>|Δf| &lt;</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="295" />
        <source>max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="297" />
        <source>Gradient tolerance: stop when ‖∇f‖ is below</source>
        <translation>梯度容差：‖∇f‖ 小于此值时停止</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="298" />
        <source>Also stop when f hardly changes</source>
        <translation>f 几乎不变时也停止</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="299" />
        <source>Value tolerance: stop when |Δf| is below</source>
        <translation>函数值容差：|Δf| 小于此值时停止</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent/controls.py" line="300" />
        <source>Maximum number of steps</source>
        <translation>最大步数</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <location filename="../../gui/views/surface.py" line="242" />
        <source>Reset view</source>
        <translation>重置视角</translation>
    </message>
    <message>
        <location filename="../../gui/views/surface.py" line="243" />
        <source>Reset the camera (drag to rotate, wheel to zoom)</source>
        <translation>重置视角（拖动旋转，滚轮缩放）</translation>
    </message>
</context>
<context>
    <name>TangentPlaneView</name>
    <message>
        <location filename="../../gui/labs/chain/vector_gl.py" line="125" />
        <source>OpenGL is not available: the 3D view is off.</source>
        <translation>OpenGL 不可用：三维视图已关闭。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector_gl.py" line="126" />
        <source>Surface and tangent plane at (x, y): ∇z uphill (green), step Δx (purple), true Δz (red), approximate Δz (blue). Drag to rotate.</source>
        <translation>曲面及 (x, y) 处的切平面：∇z 指向上坡（绿），位移 Δx（紫），真实 Δz（红），近似 Δz（蓝）。拖动可旋转。</translation>
    </message>
</context>
<context>
    <name>VectorSection</name>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="58" />
        <source>Edit z = f(x, y)</source>
        <translation>编辑 z = f(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="126" />
        <source>Move x</source>
        <translation>移动 x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="126" />
        <source>Move y</source>
        <translation>移动 y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="126" />
        <source>Change Δx</source>
        <translation>修改 Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="127" />
        <source>Change Δy</source>
        <translation>修改 Δy</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="132" />
        <source>Choose a preset</source>
        <translation>选择预设</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="145" />
        <location filename="../../gui/labs/chain/vector.py" line="148" />
        <source>Drag (Δx, Δy)</source>
        <translation>拖动 (Δx, Δy)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="192" />
        <source>Surface z = f(x, y)</source>
        <translation>曲面 z = f(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="193" />
        <source>Point and displacement</source>
        <translation>点和位移</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="194" />
        <source>Drag the displacement Δx = (Δx, Δy)</source>
        <translation>拖动位移 Δx = (Δx, Δy)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="195" />
        <source>Vector form: Δz ≈ ∇z · Δx</source>
        <translation>向量形式：Δz ≈ ∇z · Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="196" />
        <source>Choose an example surface z = f(x, y)</source>
        <translation>选择一个示例曲面 z = f(x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="197" />
        <source>The surface z = f(x, y); its gradient ∇z = (∂z/∂x, ∂z/∂y) gives Δz ≈ ∇z · Δx</source>
        <translation>曲面 z = f(x, y)；它的梯度 ∇z = (∂z/∂x, ∂z/∂y) 给出 Δz ≈ ∇z · Δx</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="200" />
        <source>x of the point (x, y) where ∇z and the tangent plane are evaluated</source>
        <translation>计算 ∇z 和切平面的点 (x, y) 的 x</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="201" />
        <source>y of the point (x, y) where ∇z and the tangent plane are evaluated</source>
        <translation>计算 ∇z 和切平面的点 (x, y) 的 y</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="202" />
        <source>Δx in Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy (or drag the purple handle)</source>
        <translation>Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy 中的 Δx（也可以拖动紫色手柄）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="203" />
        <source>Δy in Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy (or drag the purple handle)</source>
        <translation>Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy 中的 Δy（也可以拖动紫色手柄）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="207" />
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="243" />
        <source>Surface z = f(x, y) with its tangent plane</source>
        <translation>曲面 z = f(x, y) 及其切平面</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="245" />
        <source>Displacement pad</source>
        <translation>位移面板</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="253" />
        <source>True change</source>
        <translation>真实变化量</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="254" />
        <source>Approximation</source>
        <translation>近似值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/chain/vector.py" line="269" />
        <source>error = true − approximate = {e}</source>
        <translation>误差 = 真实值 − 近似值 = {e}</translation>
    </message>
</context>
<context>
    <name>ViewText</name>
    <message>
        <location filename="../../gui/text/view_text.py" line="41" />
        <source>, </source>
        <extracomment>significant digits of a number read aloud</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="46" />
        <source>{view}: {what}</source>
        <translation>{view}：{what}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="52" />
        <source>start {point}</source>
        <translation>起点 {point}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="59" />
        <source>converges to {point} after {n} steps, {name} = {value}</source>
        <translation>{n} 步后收敛到 {point}，{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="62" />
        <source>stops at {point} after {n} steps, {name} = {value}, as it hardly changes any more</source>
        <translation>{n} 步后停在 {point}，{name} = {value}，因为它几乎不再变化</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="66" />
        <source>has not converged after {n} steps, at {point}, {name} = {value}</source>
        <translation>{n} 步后仍未收敛，位于 {point}，{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="69" />
        <source>diverges after {n} steps</source>
        <translation>{n} 步后发散</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="71" />
        <source>{name} is undefined at the start</source>
        <translation>{name} 在起点处无定义</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="73" />
        <source>leaves the region where {name} is defined after {n} steps</source>
        <translation>{n} 步后离开了 {name} 有定义的区域</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="80" />
        <source>{optimizer} {run}</source>
        <translation>{optimizer} {run}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="86" />
        <source>step {k} at {point}, {name} = {value}</source>
        <translation>第 {k} 步位于 {point}，{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="92" />
        <source>at step {k}, {name} = {value}</source>
        <translation>第 {k} 步时 {name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="99" />
        <source>{n} optimizers from the same start</source>
        <translation>{n} 个优化器从同一起点出发</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="103" />
        <source>no optimizer chosen</source>
        <translation>未选择优化器</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="107" />
        <source>not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="117" />
        <source>{name} falls from {a} to {b} in {n} steps</source>
        <translation>{name} 在 {n} 步内从 {a} 降到 {b}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="119" />
        <source>{name} rises from {a} to {b} in {n} steps</source>
        <translation>{name} 在 {n} 步内从 {a} 升到 {b}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="125" />
        <source>{name} goes from {a} to {b}</source>
        <translation>{name} 从 {a} 变到 {b}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="132" />
        <source>lowest point {point}, {name} = {value}</source>
        <translation>最低点 {point}，{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="137" />
        <source>my line at {point}, {name} = {value}</source>
        <translation>我的直线位于 {point}，{name} = {value}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="142" />
        <source>{n} points</source>
        <translation>{n} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="146" />
        <source>least-squares fit {equation}</source>
        <translation>最小二乘拟合 {equation}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="151" />
        <source>my line {equation}</source>
        <translation>我的直线 {equation}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="155" />
        <source>gradient descent at step {k}: {equation}</source>
        <translation>梯度下降第 {k} 步：{equation}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="162" />
        <source>at {where}: {what}</source>
        <translation>在 {where} 处：{what}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="167" />
        <source>true change {true}, linear approximation {approx}</source>
        <translation>真实变化 {true}，线性近似 {approx}</translation>
    </message>
    <message>
        <location filename="../../gui/text/view_text.py" line="173" />
        <source>backward step {k} of {n}</source>
        <translation>反向传播第 {k} 步（共 {n} 步）</translation>
    </message>
</context>
</TS>